package dev.crossover.benchmarks;

import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;

/**
 * What every batch of a trial must show, or the benchmark fails instead of reporting a number for
 * work not done: every task finished, exactly the injected failures failed, and the checksum is
 * the workload's reference.
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
     * @throws IllegalStateException if a task is missing, a failure is unexpected or the checksum differs
     */
    void verify(RunResult result) {
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
