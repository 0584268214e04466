package dev.crossover.core;

/**
 * A concurrency model's mechanism: it is handed one task at a time and runs it its own way.
 * Everything that measures (admission, the concurrency limit, arrivals, timing, recording, the
 * checksum) is the {@link Driver}'s, the same code for every model.
 *
 * <h2>Contract</h2>
 * Every implementation passes core's {@code ConcurrencyModelContract}: each submitted task gets
 * exactly one outcome; a failing task is reported and the model goes on; {@code close()} leaves
 * none of the model's threads or processes running.
 *
 * <h2>Lifecycle</h2>
 * {@code OPEN -> CLOSED}. Expensive set-up (pools, worker processes) happens when the model is
 * created, so a measurement measures tasks alone.
 */
public interface ConcurrencyModel extends AutoCloseable {

    /** {@return the model's id, e.g. {@code "threads-virtual"}} */
    String id();

    /**
     * Checks, before a run submits anything, that the model runs tasks of this workload; the default accepts all.
     *
     * @throws IllegalArgumentException if it does not (e.g. a model without fan-out and a {@code fanout} workload)
     */
    default void accept(Workload workload) {
    }

    /**
     * {@return how the model does the waits of workload {@code kind}, in a few words} (its client
     * for {@code http}, its file path for {@code file}), for results; empty when it has nothing to say
     */
    default String mechanism(WorkloadKind kind) {
        return "";
    }

    /**
     * Starts {@code task} its own way and returns without waiting for it; {@code done} hears when it
     * began, when each wait ended and its one outcome, on any of the model's threads, never inside this call.
     *
     * @throws IllegalStateException if the model is closed
     */
    void submit(TaskSpec task, Completion done);

    /** Stops and releases the model's threads, processes and sockets, and waits until they are gone; idempotent. */
    @Override
    void close();
}
