package dev.crossover.benchmarks;

import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;

/**
 * What every batch of a trial must show, or the benchmark fails instead of reporting a number for
 * work not done: every task finished, exactly the injected failures failed, the checksum is the
 * workload's reference, and no more tasks were in flight than the concurrency allows.
 *
 * @param workload         the batch every invocation runs
 * @param expectedFailures {@link Workload#expectedFailures()}, computed once per trial
 * @param referenceChecksum {@link Workload#referenceChecksum()}, computed once per trial
 */
record TrialCheck(Workload workload, int expectedFailures, long referenceChecksum) {

    /** {@return the check for {@code workload}}, computing its reference sequentially (once per trial) */
    static TrialCheck of(Workload workload) {
        return new TrialCheck(workload, workload.expectedFailures(), workload.referenceChecksum());
    }

    /**
     * Checks one batch's result.
     *
     * @throws IllegalStateException if a task is missing, a failure is unexpected, the checksum
     *                               differs or the concurrency limit was exceeded
     */
    void verify(RunResult result) {
        if (result.maxInFlight() > workload.concurrency()) {
            throw new IllegalStateException(result.model() + ": max in flight: " + result.maxInFlight()
                    + " (expected: at most the concurrency " + workload.concurrency() + ")");
        }
        int finished = result.completed() + result.failed();
        if (finished != workload.tasks()) {
            throw new IllegalStateException(result.model() + ": completed + failed: " + finished
                    + " (expected: " + workload.tasks() + " tasks)");
        }
        if (result.failed() != expectedFailures) {
            throw new IllegalStateException(result.model() + ": failed: " + result.failed()
                    + " (expected: " + expectedFailures + " injected failures; causes " + result.failureCauses() + ")");
        }
        if (result.checksum() != referenceChecksum) {
            throw new IllegalStateException(result.model() + ": checksum: " + Long.toHexString(result.checksum())
                    + " (expected: the reference " + Long.toHexString(referenceChecksum) + ")");
        }
    }
}
