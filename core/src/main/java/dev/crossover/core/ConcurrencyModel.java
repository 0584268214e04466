package dev.crossover.core;

/**
 * Runs a workload's tasks under one concurrency model.
 *
 * <h2>Contract</h2>
 * Every implementation passes core's {@code ConcurrencyModelContract}: each task runs exactly once
 * and is recorded in a {@link RunRecorder}; at most {@link Workload#concurrency()} tasks are in
 * flight; a failing task is counted and the run goes on; {@code close()} leaves none of the
 * model's threads or processes running.
 *
 * <h2>Lifecycle</h2>
 * {@code OPEN -> CLOSED}. Expensive set-up (pools, worker processes) happens when the model is
 * created, not in {@link #run}, so a benchmark measures runs alone. A model runs one workload at a
 * time; {@link #run} may be called any number of times before {@link #close()}.
 */
public interface ConcurrencyModel extends AutoCloseable {

    /** {@return the model's id, e.g. {@code "threads-virtual"}} */
    String id();

    /**
     * Runs every task of the workload once and waits until all have completed or failed.
     *
     * @return what the run did
     * @throws IllegalStateException if the model is closed
     */
    RunResult run(Workload workload);

    /** Stops and releases the model's threads, processes and sockets; idempotent. */
    @Override
    void close();
}
