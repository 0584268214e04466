package dev.crossover.reports.html;

import java.util.List;

/**
 * The records the template reads. Every string is plain text the template escapes, except the
 * fields named {@code svg}, which hold chart markup drawn by JFreeSVG (which escapes the text it draws).
 */
public final class Views {
    private Views() {
    }

    /** The whole report. */
    public record Report(String title, String generated, List<SourceView> sources, boolean crossover,
                         List<String> trust, List<String> summary, List<LegendItem> legend, List<MapView> maps,
                         String dispatchNote,
                         List<ClaimSet> claims, List<WorkloadView> workloads, List<LoadView> load,
                         List<CeilingSet> ceilings, String ceilingsNote, List<LatenessTable> lateness,
                         List<ServerRow> server, String serverNote,
                         List<LatencyRow> latency, List<StartupRow> startup, List<CpuRow> cpu, List<FailureRow> failures,
                         List<GenericView> generic, List<ResultRow> results, String margin, String claimCounts) {
    }

    /** One run's dispatch ceilings: per model, the null workload's tasks/s at each C and their highest. */
    public record CeilingSet(String source, List<String> columns, List<CeilingRow> rows) {
    }

    /**
     * One model's dispatch ceiling.
     *
     * @param model   the model
     * @param byC     tasks/s at each of the set's columns (empty where not measured)
     * @param ceiling the highest of them
     * @param perTask its inverse: the harness and model's own time per task, in µs
     * @param half    half the ceiling: a point whose ideal is above it is dispatch-bound
     * @param bound   how many of the model's points are dispatch-bound, such as "2 of 14"
     */
    public record CeilingRow(String model, List<String> byC, String ceiling, String perTask, String half, String bound) {
    }

    /** One model's timer lateness over its waiting points, with a one-line summary. */
    public record LatenessTable(String model, String summary, List<LatenessRow> rows) {
    }

    /** Timer lateness at one point, in µs: {@code at} is "C = 100" (closed loop) or "5,000 tasks/s" (open loop). */
    public record LatenessRow(String source, String workload, String params, String at, String p50, String p99,
                              String max, String count) {
    }

    /**
     * The delay server's own figures at one point: {@code completed} is the model's tasks/s,
     * {@code served} the server's answers/s, lateness over the asked delay in µs; {@code verdict}
     * is "not the bottleneck" or "may have capped this point".
     */
    public record ServerRow(String source, String model, String at, String params, String completed, String served,
                            String p50, String p99, String verdict) {
    }

    /** Latency against offered load for one open-loop workload point: the chart, the SLO sentence and the numbers. */
    public record LoadView(String id, String title, String svg, String slo, List<LoadRow> rows) {
    }

    /** One open-loop point: rates in tasks/s, latencies in µs; {@code sustained} is "yes", "no" or empty when unknown. */
    public record LoadRow(String model, String rate, String load, String achieved, String rejected, String p50,
                          String p99, String p999, String serviceP99, String lagP99, String sustained) {
    }

    /** A name and a value. */
    public record Field(String name, String value) {
    }

    /** One input file and its run's identity, with a warning (empty when none) such as a busy machine. */
    public record SourceView(String label, String file, List<Field> fields, String warning) {
    }

    /** A model's colour. */
    public record LegendItem(String model, String background, String foreground) {
    }

    /** One winner map. */
    public record MapView(String title, List<String> columns, List<MapRow> rows) {
    }

    /** One row of a winner map. */
    public record MapRow(String head, List<CellView> cells) {
    }

    /**
     * One cell: the winner's name on its colour; when tied or inconclusive, marked ≈ on a pale tint
     * inside a dashed border of its colour; {@code notes} lists models without a result or short of C.
     */
    public record CellView(String text, String detail, String tooltip, String background, String foreground,
                           String border, boolean tie, boolean empty, String state, List<String> notes) {
    }

    /** The claims judged on one source. */
    public record ClaimSet(String source, List<ClaimView> claims) {
        /** {@return whether the claims were judged on a Python run too (a column of their own)} */
        public boolean python() {
            return claims.stream().anyMatch(c -> !c.pythonVerdict().isEmpty());
        }
    }

    /** One claim, its verdict and the evidence. */
    public record ClaimView(String claim, String experiment, String verdict, String verdictClass, String evidence,
                            String pythonVerdict, String pythonClass, String pythonEvidence) {
        /** A claim judged on the JVM alone. */
        public ClaimView(String claim, String experiment, String verdict, String verdictClass, String evidence) {
            this(claim, experiment, verdict, verdictClass, evidence, "", "", "");
        }
    }

    /** One workload's charts. */
    public record WorkloadView(String id, String title, List<SliceView> slices) {
    }

    /** The charts of one set of fixed params, with its crossovers in words and the points that decide nothing. */
    public record SliceView(String title, String throughputSvg, String efficiencySvg, List<String> crossovers,
                            List<ShortfallRow> shortfalls) {
    }

    /** A point of a chart that decides nothing or carries a warning: short of its C, or dispatch-bound. */
    public record ShortfallRow(String model, String concurrency, String note) {
    }

    /** One point's measured CPU time per task (µs) and, when the task waits, its share of the wait. */
    public record CpuRow(String source, String workload, String model, String concurrency, String params,
                         String cpuMicrosPerTask, String cpuSeconds, String ofWait) {
    }

    /** Per source and model: the start-up times over its points (ms). */
    public record StartupRow(String source, String model, String points, String median, String min, String max) {
    }

    /** A point that failed or whose model was excluded. */
    public record FailureRow(String source, String benchmark, String model, String params, String status, String message) {
    }

    /** Latency percentiles of one point, in microseconds. */
    public record LatencyRow(String source, String workload, String model, String concurrency, String params,
                             String count, String p50, String p90, String p99, String p999, String max) {
    }

    /** One benchmark class of another project: a chart (bars by method and the params that vary) and its rows. */
    public record GenericView(String id, String title, String fixedParams, String svg, List<ResultRow> rows) {
    }

    /** One JMH result as a table row. */
    public record ResultRow(String source, String benchmark, String mode, String params, String score,
                            String error, String unit, String interval, String samples, String percentiles,
                            String secondary, String batchTasks, String maxInFlight, String startupMillis,
                            String cpuMicrosPerTask, String note) {
    }
}
