package dev.crossover.eventloop;

import dev.crossover.core.Completion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A {@link Completion} for tests that submit tasks to a model by hand: it records what it hears,
 * on which thread and when, and can run a hook when the task begins or ends (to throw, or to
 * submit the next task from there).
 *
 * <h2>Threading</h2>
 * Its methods may be called from any thread; every accessor is safe from any thread.
 */
public final class Recorded implements Completion {
    /** One report: what, on which thread, at which {@link System#nanoTime()}, with which value (a deadline or a result). */
    public record Event(String what, String thread, long nanos, long value) {
    }

    private final List<Event> events = new ArrayList<>();
    private final CountDownLatch began = new CountDownLatch(1);
    private final CompletableFuture<Long> outcome = new CompletableFuture<>();
    private final Runnable onBegan;
    private final Consumer<Recorded> onOutcome;

    private Recorded(Runnable onBegan, Consumer<Recorded> onOutcome) {
        this.onBegan = onBegan;
        this.onOutcome = onOutcome;
    }

    /** {@return a completion that only records} */
    public static Recorded plain() {
        return new Recorded(() -> { }, r -> { });
    }

    /** {@return a completion that records, then runs {@code onBegan} (which may throw) when the task begins} */
    public static Recorded onBegan(Runnable onBegan) {
        return new Recorded(onBegan, r -> { });
    }

    /** {@return a completion that records, then runs {@code onOutcome} once the task's outcome is recorded} */
    public static Recorded onOutcome(Consumer<Recorded> onOutcome) {
        return new Recorded(() -> { }, onOutcome);
    }

    @Override
    public void began() {
        record("began", 0);
        began.countDown();
        onBegan.run();
    }

    @Override
    public void waitEnded(long deadlineNanos) {
        record("waitEnded", deadlineNanos);
    }

    @Override
    public void completed(long result) {
        record("completed", result);
        outcome.complete(result);
        onOutcome.accept(this);
    }

    @Override
    public void failed(Throwable cause) {
        record("failed", 0);
        outcome.completeExceptionally(cause);
        onOutcome.accept(this);
    }

    private void record(String what, long value) {
        Event e = new Event(what, Thread.currentThread().getName(), System.nanoTime(), value);
        synchronized (events) {
            events.add(e);
        }
    }

    /** {@return what it heard so far, in order} */
    public List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** {@return the reports named {@code what}} */
    public List<Event> events(String what) {
        return events().stream().filter(e -> e.what().equals(what)).toList();
    }

    /** {@return the names of what it heard so far, in order} */
    public List<String> names() {
        return events().stream().map(Event::what).toList();
    }

    /** {@return whether the task began within {@code timeout}} */
    public boolean awaitBegan(Duration timeout) throws InterruptedException {
        return began.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** {@return the task's result, waiting at most {@code timeout}} @throws ExecutionException if it failed */
    public long result(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        return outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** {@return the task's failure, waiting at most {@code timeout}} @throws AssertionError if it completed */
    public Throwable failure(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            long result = outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            throw new AssertionError("task completed with " + result + " (expected: a failure)");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
