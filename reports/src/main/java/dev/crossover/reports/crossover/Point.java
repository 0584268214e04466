package dev.crossover.reports.crossover;

import dev.crossover.reports.jmh.JmhResult;
import dev.crossover.reports.jmh.Metric;
import java.util.List;
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
 * @param ceiling     the model's dispatch ceiling in the same run (tasks/s, see {@link Ceilings}), NaN when not measured
 */
public record Point(JmhResult result, String workload, String model, int concurrency, double ioMillis,
                    double cpuMicros, SortedMap<String, String> other, Metric throughput, Metric failed,
                    double ideal, Latency latency, Sidecar sidecar, double ceiling) {
    public Point {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(throughput, "throughput");
    }

    /** A point whose model's dispatch ceiling is not known. */
    public Point(JmhResult result, String workload, String model, int concurrency, double ioMillis,
                 double cpuMicros, SortedMap<String, String> other, Metric throughput, Metric failed,
                 double ideal, Latency latency, Sidecar sidecar) {
        this(result, workload, model, concurrency, ioMillis, cpuMicros, other, throughput, failed, ideal, latency,
                sidecar, Double.NaN);
    }

    /** {@return this point with the model's dispatch ceiling} */
    public Point withCeiling(double tasksPerSecond) {
        return new Point(result, workload, model, concurrency, ioMillis, cpuMicros, other, throughput, failed, ideal,
                latency, sidecar, tasksPerSecond);
    }

    /** The share of the asked wait above which the delay server's lateness p99 may have capped a point. */
    public static final double SERVER_CAP_SHARE = 0.10;

    /**
     * {@return true if the delay server may have capped this point}: its own median lateness over the
     * asked delay (from the point's record) exceeds {@value #SERVER_CAP_SHARE} of the wait, so the
     * server, not the model, may have set the pace (the rate a server allows is C / (wait + its
     * lateness): a typical answer, not its tail, caps it); false when the record has no server figures
     */
    public boolean serverCapped() {
        return sidecar != null && sidecar.server() != null
                && sidecar.server().latenessP50Micros() > SERVER_CAP_SHARE * ioMillis * 1e3;
    }

    /**
     * {@return true if the point's ideal throughput is above half of its model's dispatch ceiling}: the
     * harness and the model's own cost per task would then decide the result, not how the model
     * waits and computes, so the point decides no winner-map cell and no claim for this model.
     * False when the ceiling or the ideal is unknown.
     */
    public boolean dispatchBound() {
        return Double.isFinite(ceiling) && Double.isFinite(ideal) && ideal > ceiling / 2;
    }

    /**
     * {@return why the point is dispatch-bound, such as "dispatch-bound: ideal 1,000,000 tasks/s >
     * half its ceiling 1,500,000", or empty}
     */
    public String dispatchNote() {
        return dispatchBound() ? "dispatch-bound: ideal " + Claims.num(ideal) + " tasks/s > half its ceiling "
                + Claims.num(ceiling) : "";
    }

    /** {@return "did not reach C: ran N tasks per batch" when the run says so, else empty} */
    public String shortfall() {
        return sidecar == null ? "" : sidecar.shortfall();
    }

    /** {@return the fork means of the throughput (one per fork; empty when the forks are not known)} */
    public List<Double> forkRates() {
        return Estimate.forkMeans(throughput);
    }

    /** {@return the throughput's estimate over the forks: mean of fork means, 95% t interval} */
    public Estimate estimate() {
        return Estimate.of(throughput);
    }

    /** {@return the mean throughput over the forks, JMH's score when the forks are not known} */
    public double rate() {
        List<Double> forks = forkRates();
        return forks.isEmpty() ? throughput.score() : forks.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
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
