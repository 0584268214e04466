package dev.crossover.core;

import java.util.Map;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * What one run of a workload under one model did.
 *
 * <p>The counts and times describe the measurement: a fixed-count run from its first submission
 * to its last outcome; a steady-state run one window after a warm-up (completions counted inside
 * it, nothing ramping up or draining); an open-loop run one window of arrivals. The {@link Totals}
 * cover the whole trial, warm-up and drain included, where {@code completed + failed ==
 * submitted} always holds.
 *
 * @param model         the model's id
 * @param workload      what was run
 * @param mode          how tasks were offered
 * @param completed     tasks that completed inside the measurement
 * @param failed        tasks that failed inside the measurement
 * @param rejected      open loop: arrivals inside the measurement refused because the cap on in flight was reached
 * @param wallNanos     the measurement's duration
 * @param maxInFlight   the most tasks in flight at once (never above the concurrency or the cap)
 * @param checksum      the order-independent checksum of every completed task's result in the trial
 * @param totals        the whole trial's counts
 * @param verification  how the trial's work was checked, and whether it held
 * @param latencyNanos  each measured task's time from its intended start to its outcome
 * @param serviceNanos  each measured task's time from when the model began it to its outcome
 * @param latenessNanos how much later than asked each measured wait ended
 * @param lagNanos      open loop: how much later than scheduled each arrival was submitted
 * @param offeredRate   open loop: the arrivals' rate per second; NaN for a closed loop
 * @param failureCauses how many tasks of the trial failed of each cause
 */
public record RunResult(String model, Workload workload, Mode mode, long completed, long failed, long rejected,
                        long wallNanos, int maxInFlight, long checksum, Totals totals, Verification verification,
                        Histogram latencyNanos, Histogram serviceNanos, Histogram latenessNanos, Histogram lagNanos,
                        double offeredRate, Map<String, Integer> failureCauses) {

    /** How a run offered its tasks. */
    public enum Mode {
        /** Every task of the workload once, C in flight, from the first submission to the last outcome. */
        FIXED,
        /** C in flight continuously; a window after a warm-up. */
        CLOSED,
        /** Arrivals at a rate, a cap on in flight; a window of arrivals after a warm-up. */
        OPEN
    }

    /**
     * A whole trial's counts.
     *
     * @param submitted tasks handed to the model
     * @param completed of them, completed
     * @param failed    of them, failed
     * @param rejected  arrivals refused at the cap (never submitted)
     * @param expectedFailures of the submitted tasks, those that fail by injection ({@code --fail-rate})
     */
    public record Totals(long submitted, long completed, long failed, long rejected, long expectedFailures) {
        /** {@return whether every submitted task got exactly one outcome} */
        public boolean balanced() {
            return completed + failed == submitted;
        }

        /** {@return whether tasks failed that no injection explains, or injected failures did not happen} */
        public boolean unexpectedFailures() {
            return failed != expectedFailures;
        }
    }

    public RunResult {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(verification, "verification");
        failureCauses = Map.copyOf(failureCauses);
    }

    /** {@return the trial's submitted tasks} */
    public long submitted() {
        return totals.submitted();
    }

    /** {@return finished tasks (completed or failed) per second of the measurement} */
    public double throughput() {
        return (completed + failed) / (wallNanos / 1e9);
    }

    /** {@return the physical limit for this workload on {@code cores} cores}, capped by the offered rate in an open loop */
    public double idealThroughput(int cores) {
        double ideal = workload.idealThroughput(cores);
        return mode == Mode.OPEN ? Math.min(ideal, offeredRate) : ideal;
    }

    /** {@return measured over ideal throughput}, NaN when the ideal is unbounded */
    public double efficiency(int cores) {
        double ideal = idealThroughput(cores);
        return Double.isInfinite(ideal) ? Double.NaN : throughput() / ideal;
    }

    /** {@return the latency from intended start at {@code percentile} (0-100) in microseconds} */
    public double latencyMicros(double percentile) {
        return latencyNanos.getValueAtPercentile(percentile) / 1_000.0;
    }

    /** {@return the service time at {@code percentile} (0-100) in microseconds} */
    public double serviceMicros(double percentile) {
        return serviceNanos.getValueAtPercentile(percentile) / 1_000.0;
    }

    /** {@return whether the trial's work checked out: every outcome once, results the reference's} */
    public boolean checksumMatchesReference() {
        return verification.passed() && totals.balanced();
    }
}
