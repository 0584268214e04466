package dev.crossover.reports.crossover;

import dev.crossover.reports.jmh.JmhResult;
import dev.crossover.reports.jmh.Metric;
import java.util.Objects;
import java.util.SortedMap;

/**
 * One measured point of a Crossover run: a model running a workload at one concurrency.
 *
 * @param result      the JMH entry behind it
 * @param workload    the workload id ({@code sleep}, {@code cpu}, {@code mixed}, {@code fanout}, ...)
 * @param model       the model id (any string)
 * @param concurrency C, the tasks allowed in flight
 * @param ioMillis    the wait per task in milliseconds (0 when absent)
 * @param cpuMicros   the CPU work per task in microseconds (0 when absent)
 * @param other       every other param (such as {@code fanout}), sorted by name
 * @param throughput  completed tasks per second, with JMH's 99.9% interval
 * @param failed      failed tasks per second, or null when not reported
 * @param ideal       the ideal tasks per second, NaN when unknown
 * @param latency     the latency percentiles from the run's HdrHistogram log, or null
 * @param sidecar     the run's record of this point ({@code points/*.json}), or null
 */
public record Point(JmhResult result, String workload, String model, int concurrency, double ioMillis,
                    double cpuMicros, SortedMap<String, String> other, Metric throughput, Metric failed,
                    double ideal, Latency latency, Sidecar sidecar) {
    public Point {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(throughput, "throughput");
    }

    /** {@return "did not reach C: ran N tasks per batch" when the run says so, else empty} */
    public String shortfall() {
        return sidecar == null ? "" : sidecar.shortfall();
    }

    /** {@return the source's label} */
    public String sourceLabel() {
        return result.source().label();
    }

    /** {@return c / (w + c), NaN when the task does no work} */
    public double cpuShare() {
        return Ideal.cpuShare(ioMillis, cpuMicros);
    }

    /** {@return measured / ideal, NaN when the ideal is unknown} */
    public double efficiency() {
        return Double.isFinite(ideal) && ideal > 0 ? throughput.score() / ideal : Double.NaN;
    }

    /** {@return what a chart's line holds fixed: everything but the model and the concurrency} */
    public Slice slice() {
        return new Slice(sourceLabel(), workload, ioMillis, cpuMicros, other);
    }

    /** {@return what a winner-map cell holds fixed: everything but the model} */
    public Cell.Key cellKey() {
        return new Cell.Key(slice(), concurrency);
    }

    /**
     * A set of points that differ only by model and concurrency.
     *
     * @param source    the source's label
     * @param workload  the workload id
     * @param ioMillis  the wait per task in milliseconds
     * @param cpuMicros the CPU per task in microseconds
     * @param other     the other params
     */
    public record Slice(String source, String workload, double ioMillis, double cpuMicros,
                        SortedMap<String, String> other) {
    }
}
