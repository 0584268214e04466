package dev.crossover.core;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one run of a workload under one model did.
 *
 * @param model        the model's id
 * @param workload     what was run
 * @param completed    tasks that completed ({@code completed + failed == workload.tasks()}, always)
 * @param failed       tasks that failed
 * @param wallNanos    wall time of the run
 * @param maxInFlight  the most tasks seen in flight at once (never above the concurrency)
 * @param checksum     the order-independent checksum of the completed tasks' results
 * @param latencyNanos each task's time from admission to completion, in nanoseconds
 * @param failureCauses how many tasks failed of each cause
 */
public record RunResult(String model, Workload workload, int completed, int failed, long wallNanos, int maxInFlight,
                        long checksum, Histogram latencyNanos, Map<String, Integer> failureCauses) {

    /** {@return the tasks submitted} */
    public int submitted() {
        return workload.tasks();
    }

    /** {@return finished tasks (completed or failed) per second of wall time} */
    public double throughput() {
        return (completed + failed) / (wallNanos / 1e9);
    }

    /** {@return the physical limit for this workload on {@code cores} cores} */
    public double idealThroughput(int cores) {
        return workload.idealThroughput(cores);
    }

    /** {@return measured over ideal throughput}, NaN when the ideal is unbounded */
    public double efficiency(int cores) {
        double ideal = idealThroughput(cores);
        return Double.isInfinite(ideal) ? Double.NaN : throughput() / ideal;
    }

    /** {@return the latency at {@code percentile} (0-100) in microseconds} */
    public double latencyMicros(double percentile) {
        return latencyNanos.getValueAtPercentile(percentile) / 1_000.0;
    }

    /** {@return whether the checksum is the one computed sequentially for the workload} */
    public boolean checksumMatchesReference() {
        return checksum == workload.referenceChecksum();
    }
}
