package dev.crossover.benchmarks.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a scenario's {@link ScenarioRun}s side by side: a table with one row per model, or a JSON
 * array with design.md's object per model.
 */
final class ScenarioOutput {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROW = "%-20s %9s %7s %8s %11s %11s %6s %9s %9s %9s  %s";

    private ScenarioOutput() {
    }

    /** {@return the fields of design.md, in its order, then a few more} */
    static Map<String, Object> fields(ScenarioRun run, Boolean checksumMatches) {
        RunResult r = run.measured();
        int cores = Runtime.getRuntime().availableProcessors();
        double ideal = r.idealThroughput(cores);
        double efficiency = r.efficiency(cores);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("model", r.model());
        f.put("workload", r.workload().kind().id());
        f.put("tasks", r.submitted());
        f.put("concurrency", r.workload().concurrency());
        f.put("completed", r.completed());
        f.put("failed", r.failed());
        f.put("wallSeconds", r.wallNanos() / 1e9);
        f.put("throughput", r.throughput());
        f.put("idealThroughput", Double.isInfinite(ideal) ? null : ideal);
        f.put("efficiency", Double.isNaN(efficiency) ? null : efficiency);
        f.put("maxInFlight", r.maxInFlight());
        f.put("checksum", Long.toHexString(r.checksum()));
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("p50", r.latencyMicros(50));
        latency.put("p90", r.latencyMicros(90));
        latency.put("p99", r.latencyMicros(99));
        latency.put("p999", r.latencyMicros(99.9));
        latency.put("max", r.latencyNanos().getMaxValue() / 1_000.0);
        f.put("latencyMicros", latency);
        f.put("ioMillis", r.workload().ioNanos() / 1e6);
        f.put("cpuMicros", r.workload().cpuNanos() / 1e3);
        f.put("cpuUnits", r.workload().cpuUnits());
        f.put("fanout", r.workload().fanout());
        f.put("seed", r.workload().seed());
        f.put("cores", cores);
        f.put("startupMillis", run.startupNanos() / 1e6);
        f.put("failureCauses", r.failureCauses());
        f.put("expectedFailures", run.expectedFailures());
        Map<String, Object> warmup = new LinkedHashMap<>();
        warmup.put("passes", run.warmup().passes());
        warmup.put("completed", run.warmup().completed());
        warmup.put("failed", run.warmup().failed());
        warmup.put("expectedFailures", run.warmup().expectedFailures());
        warmup.put("failureCauses", run.warmup().failureCauses());
        f.put("warmup", warmup);
        f.put("unexpectedFailures", run.unexpectedFailures());
        if (checksumMatches != null) {
            f.put("checksumMatchesReference", checksumMatches);
        }
        return f;
    }

    /** {@return a JSON array of one {@link #fields} object per run, in order} */
    static String json(List<Map<String, Object>> objects) {
        try {
            return JSON.writeValueAsString(objects);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the line above the table: the workload every row ran} */
    static String title(Workload w, int warmup) {
        StringBuilder s = new StringBuilder("workload ").append(w.kind().id()).append(": ")
                .append(String.format(Locale.ROOT, "%,d tasks, concurrency %,d", w.tasks(), w.concurrency()));
        if (w.kind().waits()) {
            s.append(", io ").append(Durations.format(java.time.Duration.ofNanos(w.ioNanos())));
        }
        if (w.kind().computes()) {
            s.append(", cpu ").append(Durations.format(java.time.Duration.ofNanos(w.cpuNanos())))
                    .append(" (").append(w.cpuUnits()).append(" kernel units)");
        }
        if (w.fanout() > 1) {
            s.append(", fanout ").append(w.fanout());
        }
        if (w.failRate() > 0) {
            s.append(", fail-rate ").append(w.failRate());
        }
        return s.append(", seed ").append(w.seed()).append(", ").append(warmup).append(" warm-up pass")
                .append(warmup == 1 ? "" : "es").append(" each, ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores").toString();
    }

    /** {@return the table's header line} */
    static String header() {
        return String.format(Locale.ROOT, ROW, "model", "completed", "failed", "wall s", "tasks/s", "ideal/s", "eff",
                "p50 ms", "p99 ms", "start ms", "checksum").stripTrailing();
    }

    /** {@return one model's row of the table} */
    static String row(ScenarioRun run) {
        RunResult r = run.measured();
        int cores = Runtime.getRuntime().availableProcessors();
        double ideal = r.idealThroughput(cores);
        double efficiency = r.efficiency(cores);
        return String.format(Locale.ROOT, ROW, r.model(), String.format(Locale.ROOT, "%,d", r.completed()),
                String.format(Locale.ROOT, "%,d", r.failed()), String.format(Locale.ROOT, "%.3f", r.wallNanos() / 1e9),
                String.format(Locale.ROOT, "%,.1f", r.throughput()),
                Double.isInfinite(ideal) ? "-" : String.format(Locale.ROOT, "%,.1f", ideal),
                Double.isNaN(efficiency) ? "-" : String.format(Locale.ROOT, "%.3f", efficiency),
                String.format(Locale.ROOT, "%.3f", r.latencyMicros(50) / 1e3),
                String.format(Locale.ROOT, "%.3f", r.latencyMicros(99) / 1e3),
                String.format(Locale.ROOT, "%.1f", run.startupNanos() / 1e6), Long.toHexString(r.checksum()));
    }
}
