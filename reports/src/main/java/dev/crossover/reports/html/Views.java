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
                         List<String> summary, List<LegendItem> legend, List<MapView> maps,
                         List<ClaimSet> claims, List<WorkloadView> workloads, List<LatencyRow> latency,
                         List<StartupRow> startup, List<CpuRow> cpu, List<FailureRow> failures,
                         List<GenericView> generic, List<ResultRow> results) {
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
    }

    /** One claim, its verdict and the evidence. */
    public record ClaimView(String claim, String experiment, String verdict, String verdictClass, String evidence) {
    }

    /** One workload's charts. */
    public record WorkloadView(String id, String title, List<SliceView> slices) {
    }

    /** The charts of one set of fixed params, with its crossovers in words. */
    public record SliceView(String title, String throughputSvg, String efficiencySvg, List<String> crossovers,
                            List<ShortfallRow> shortfalls) {
    }

    /** A point of a chart whose batches held fewer tasks than its C. */
    public record ShortfallRow(String model, String concurrency, String batchTasks, String note) {
    }

    /** How long one model took to be ready, over the points of one run. */
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
                            String cpuMicrosPerTask) {
    }
}
