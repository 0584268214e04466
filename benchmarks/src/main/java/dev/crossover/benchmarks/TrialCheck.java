package dev.crossover.benchmarks;

import dev.crossover.core.ClosedLoop;

/**
 * What every trial must show when its load has drained, or the benchmark fails instead of
 * reporting a number for work not done: every submitted task had exactly one outcome, no failure
 * beyond the injected ones, and the results check out against the reference (in full or on the
 * seeded sample, as the driver chose).
 */
final class TrialCheck {
    private TrialCheck() {
    }

    /**
     * @throws IllegalStateException naming what went wrong, if anything did
     */
    static void verify(String model, ClosedLoop.Drained drained) {
        var totals = drained.totals();
        if (!totals.balanced()) {
            throw new IllegalStateException(model + ": completed + failed: " + (totals.completed() + totals.failed())
                    + " (expected: the " + totals.submitted() + " tasks submitted)");
        }
        if (drained.unexpectedFailures() > 0) {
            throw new IllegalStateException(model + ": failed: " + totals.failed() + " (expected: "
                    + drained.expectedFailures() + " injected failures; causes " + drained.failureCauses() + ")");
        }
        if (!drained.verification().passed()) {
            throw new IllegalStateException(model + ": " + drained.verification().describe());
        }
    }
}
