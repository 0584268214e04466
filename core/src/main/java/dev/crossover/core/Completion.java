package dev.crossover.core;

/**
 * What a model tells the driver about one task it was handed by {@link ConcurrencyModel#submit}.
 *
 * <p>A model calls {@link #began()} once when it starts the task (on the thread that runs it,
 * before its first wait or computation), {@link #waitEnded(long)} each time one of its waits ends,
 * and then exactly one of {@link #completed(long)} or {@link #failed(Throwable)}. A second outcome
 * is a bug in the model: the driver refuses it and reports it when the run ends.
 *
 * <h2>Threading</h2>
 * Every method may be called from any of the model's threads, never from inside
 * {@link ConcurrencyModel#submit} for the same task. The driver may submit the next task from
 * inside {@link #completed} or {@link #failed}, on the same thread.
 */
public interface Completion {

    /** The model began the task. */
    void began();

    /** One of the task's waits ended; {@code deadlineNanos} is the {@link System#nanoTime()} it was asked to end at. */
    void waitEnded(long deadlineNanos);

    /** The task completed with {@code result} ({@link TaskSpec#compute()}'s value). */
    void completed(long result);

    /** The task failed with {@code cause}. */
    void failed(Throwable cause);
}
