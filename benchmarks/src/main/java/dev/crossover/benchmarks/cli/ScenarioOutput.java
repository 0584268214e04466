package dev.crossover.benchmarks.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.core.RunResult;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a scenario's {@link RunResult} as design.md's JSON object or as a few lines of text. */
final class ScenarioOutput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScenarioOutput() {
    }

    /** {@return the fields of design.md, in its order, then a few more} */
    static Map<String, Object> fields(RunResult r, long startupNanos, Boolean checksumMatches) {
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
        f.put("startupMillis", startupNanos / 1e6);
        f.put("failureCauses", r.failureCauses());
        if (checksumMatches != null) {
            f.put("checksumMatchesReference", checksumMatches);
        }
        return f;
    }

    static String json(RunResult r, long startupNanos, Boolean checksumMatches) {
        try {
            return JSON.writeValueAsString(fields(r, startupNanos, checksumMatches));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(RunResult r, long startupNanos, Boolean checksumMatches) {
        Map<String, Object> f = fields(r, startupNanos, checksumMatches);
        StringBuilder s = new StringBuilder();
        f.forEach((k, v) -> s.append(String.format("%-26s %s%n", k, v instanceof Double d ? String.format("%.3f", d) : v)));
        return s.toString().stripTrailing();
    }
}
