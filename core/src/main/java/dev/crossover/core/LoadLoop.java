package dev.crossover.core;

import java.time.Duration;

/**
 * A running load on a model, closed ({@link ClosedLoop}) or open ({@link OpenLoop}), as a
 * measurement harness (a JMH iteration, a sweep) reads it: counters that only grow, histograms
 * taken per stretch, and a stop that drains and checks the trial.
 *
 * <h2>Threading</h2>
 * One driver thread calls every method.
 */
public sealed interface LoadLoop extends AutoCloseable permits ClosedLoop, OpenLoop {

    /** {@return tasks completed since the loop started} */
    long completedSoFar();

    /** {@return tasks failed since the loop started} */
    long failedSoFar();

    /** {@return arrivals refused at the cap since the loop started}: 0 for a closed loop */
    long rejectedSoFar();

    /** {@return tasks in flight now} */
    int inFlight();

    /** {@return the histograms of the tasks that finished since the last call}; drops them from the loop */
    Histograms takeHistograms();

    /**
     * Submits no further task, waits at most {@code timeout} for the last outcomes, and checks the trial.
     *
     * @throws IllegalStateException if tasks are still without an outcome after {@code timeout}
     */
    ClosedLoop.Drained stop(Duration timeout);

    /** Stops the loop if nobody did. */
    @Override
    void close();
}
