package dev.crossover.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Builds a Crossover-shaped run directory as the benchmark runner writes it: {@code results.json}
 * (standard JMH JSON, tasks/s in the secondary metrics {@code completed} and {@code failed}),
 * {@code environment.json} and {@code latency/*.hlog} written by {@link HistogramLogWriter}.
 *
 * <p>Throughputs follow the ideal bound times a per-model factor, with a 2% error, so the expected
 * winners, ties and crossovers can be worked out by hand (see the comments at each workload).
 */
final class CrossoverFixture {
    static final String PKG = "dev.crossover.benchmarks.";
    static final int CORES = 2;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<Map<String, Object>> entries = new ArrayList<>();
    private final Map<String, Long> latencyNanos = new LinkedHashMap<>();
    /** points/*.json records by file name; written only when {@link #withRunRecords()} was called or records were added. */
    private final Map<String, Map<String, Object>> sidecars = new LinkedHashMap<>();
    private final List<Map<String, Object>> failures = new ArrayList<>();
    private final Map<String, Object> environmentExtras = new LinkedHashMap<>();
    private boolean runRecords;

    /** The default run: sleep, cpu and mixed sweeps over a few models, with latency logs for sleep. */
    static CrossoverFixture standard() {
        CrossoverFixture f = new CrossoverFixture();
        // sleep, io 50 ms: eventloop 0.98 x C/w, threads-fixed capped at 200 threads, threads-virtual 0.95 x C/w.
        // At C <= 100 eventloop, fixed and virtual are within 2-3% (ties); at C = 1000 fixed collapses to 4000/s.
        for (int c : new int[] {1, 3, 10, 100, 1000}) {
            f.add("Sleep", "eventloop", c, 50, 0, 0.98 * c / 0.05);
            f.add("Sleep", "threads-fixed", c, 50, 0, 0.97 * Math.min(c, 200) / 0.05);
            f.add("Sleep", "threads-virtual", c, 50, 0, 0.95 * c / 0.05);
            f.latency("Sleep", "eventloop", c, 50, 0, 50_200_000L);
        }
        // cpu, 1000 us: threads-fixed reaches 0.95 x the cores, threads-forkjoin 0.90 x (clear of fixed:
        // [0.931, 0.969] vs [0.882, 0.918]), processes 0.8 x: threads win, no GIL on the JVM.
        for (int c : new int[] {1, 2, 4}) {
            f.add("Cpu", "threads-fixed", c, 0, 1000, 0.95 * Math.min(c, CORES) / 0.001);
            f.add("Cpu", "threads-forkjoin", c, 0, 1000, 0.90 * Math.min(c, CORES) / 0.001);
            f.add("Cpu", "processes", c, 0, 1000, 0.80 * Math.min(c, CORES) / 0.001);
        }
        // mixed, io 10 ms, cpu 1000 us: the loop is capped at 1/c = 1000/s; offload at 0.9 x the bound.
        // C = 10: loop 909 > offload 818; C = 100: offload 1800 > loop 1000, so offload overtakes between.
        for (int c : new int[] {10, 100, 1000}) {
            double bound = c / 0.011;
            f.add("Mixed", "eventloop", c, 10, 1000, Math.min(bound, 1000));
            f.add("Mixed", "eventloop-offload", c, 10, 1000, 0.9 * Math.min(bound, CORES / 0.001));
            f.add("Mixed", "threads-virtual", c, 10, 100, 0.93 * Math.min(c / 0.0101, CORES / 0.0001));
        }
        // fanout, io 20 ms, 4 sub-waits per task: threads-virtual 0.9 x C/w, eventloop 0.95 x C/w;
        // C = 10: virtual [420, 480] meets loop [470, 480], a tie; C = 100: [4350, 4650] is clear of [4700, 4800].
        for (int c : new int[] {10, 100}) {
            Map<String, String> virtual = params("threads-virtual", c, 20, 0);
            virtual.put("fanout", "4");
            f.addEntry(PKG + "FanoutBenchmark.run", virtual, 0.9 * c / 0.02, c == 10 ? 30 : 150);
            Map<String, String> loop = params("eventloop", c, 20, 0);
            loop.put("fanout", "4");
            f.addEntry(PKG + "FanoutBenchmark.run", loop, 0.95 * c / 0.02, 0.01 * c / 0.02);
        }
        return f;
    }

    /**
     * The files a current run writes beside results.json: a points/*.json record per entry (10 x C
     * tasks per batch, max in flight C; processes take 350 ms to start, other models 2 ms), the
     * failures, and environment.json's load averages, dirty flag, model defaults and calibration.
     * Mixed eventloop at C = 1000 ran 500 tasks per batch (did not reach C); threads-fixed is
     * excluded from fanout; processes-eventloop failed at cpu C = 4; the load at the end (1.6) is
     * above half the 2 cores.
     */
    CrossoverFixture withRunRecords() {
        runRecords = true;
        failure(PKG + "FanoutBenchmark.run", withFanout(params("threads-fixed", 10, 20, 0)), "excluded", "rejects fan-out");
        failure(PKG + "FanoutBenchmark.run", withFanout(params("threads-fixed", 100, 20, 0)), "excluded", "rejects fan-out");
        failure(PKG + "CpuBenchmark.run", params("processes-eventloop", 4, 0, 1000), "failed", "worker exited with code 1");
        environmentExtras.put("loadAverageStart", 1.6);
        environmentExtras.put("loadAverageEnd", 0.4);
        environmentExtras.put("gitDirty", true);
        environmentExtras.put("modelDefaults", Map.of("processes", "workers=2", "threads-forkjoin", "parallelism=2",
                "threads-fixed", "threads=200"));
        environmentExtras.put("calibration", Map.of("unitsPerMicro", 12.5));
        return this;
    }

    private static Map<String, String> withFanout(Map<String, String> params) {
        params.put("fanout", "4");
        return params;
    }

    CrossoverFixture failure(String benchmark, Map<String, String> params, String status, String message) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("benchmark", benchmark);
        f.put("params", params);
        f.put("status", status);
        f.put("message", message);
        failures.add(f);
        return this;
    }

    /** Puts a field into environment.json (beside the standard ones). */
    CrossoverFixture environment(String key, Object value) {
        environmentExtras.put(key, value);
        return this;
    }

    /** {@return the points/*.json name of a benchmark and params: the latency log's rule with .json} */
    static String recordName(String benchmark, Map<String, String> params) {
        StringBuilder name = new StringBuilder(benchmark + "@");
        new TreeMap<>(params).forEach((k, v) -> name.append(name.charAt(name.length() - 1) == '@' ? "" : ",")
                .append(k).append('=').append(v));
        return name + ".json";
    }

    private void record(String benchmark, Map<String, String> params) {
        int c = Integer.parseInt(params.getOrDefault("concurrency", "1"));
        String model = params.getOrDefault("model", "");
        boolean shortOfC = model.equals("eventloop") && benchmark.contains("Mixed") && c == 1000;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("benchmark", benchmark);
        r.put("params", new TreeMap<>(params));
        r.put("batchTasks", shortOfC ? 500 : 10 * c);
        r.put("concurrency", c);
        r.put("reachedConcurrency", !shortOfC);
        r.put("maxInFlight", shortOfC ? 500 : c);
        r.put("cpuUnits", 12_500L);
        r.put("cpuNanosPerTask", 1_000_000L);
        r.put("startupMillis", model.startsWith("processes") ? 350.0 : 2.0);
        r.put("invocations", 30);
        sidecars.put(recordName(benchmark, params), r);
    }

    /**
     * Puts the measured CPU time per task into an entry's points/*.json record (as a run since the
     * benchmarks measure it writes): {@code cpuNanosPerTaskMeasured}, {@code cpuSecondsMeasured}
     * (over 30 batches of 10 x C tasks) and {@code tasksMeasured}.
     */
    CrossoverFixture measuredCpu(String workload, String model, int c, double ioMillis, double cpuMicros, long nanosPerTask) {
        Map<String, Object> r = sidecars.get(recordName(PKG + workload + "Benchmark.run", params(model, c, ioMillis, cpuMicros)));
        long tasks = 30L * 10 * c;
        r.put("cpuNanosPerTaskMeasured", nanosPerTask);
        r.put("cpuSecondsMeasured", nanosPerTask * tasks / 1e9);
        r.put("tasksMeasured", tasks);
        return this;
    }

    CrossoverFixture add(String workload, String model, int c, double ioMillis, double cpuMicros, double tasksPerSecond) {
        Map<String, String> params = params(model, c, ioMillis, cpuMicros);
        return addEntry(PKG + workload + "Benchmark.run", params, tasksPerSecond, 0.02 * tasksPerSecond);
    }

    CrossoverFixture addEntry(String benchmark, Map<String, String> params, double tasksPerSecond, double error) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("jmhVersion", "1.37");
        e.put("benchmark", benchmark);
        e.put("mode", "thrpt");
        e.put("threads", 1);
        e.put("forks", 1);
        e.put("jvm", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        e.put("jdkVersion", "25");
        e.put("warmupIterations", 1);
        e.put("warmupTime", "1 s");
        e.put("measurementIterations", 3);
        e.put("measurementTime", "1 s");
        e.put("params", params);
        record(benchmark, params);
        int batch = Integer.parseInt(params.getOrDefault("concurrency", "1"));
        e.put("primaryMetric", metric(tasksPerSecond / (batch * 10.0), error / (batch * 10.0), "ops/s"));
        Map<String, Object> secondary = new LinkedHashMap<>();
        secondary.put("completed", metric(tasksPerSecond, error, "ops/s"));
        secondary.put("failed", metric(0, 0, "ops/s"));
        e.put("secondaryMetrics", secondary);
        entries.add(e);
        return this;
    }

    CrossoverFixture latency(String workload, String model, int c, double ioMillis, double cpuMicros, long nanos) {
        Map<String, String> params = params(model, c, ioMillis, cpuMicros);
        StringBuilder name = new StringBuilder(PKG + workload + "Benchmark.run@");
        new TreeMap<>(params).forEach((k, v) -> name.append(name.charAt(name.length() - 1) == '@' ? "" : ",")
                .append(k).append('=').append(v));
        latencyNanos.put(name + ".hlog", nanos);
        return this;
    }

    static Map<String, String> params(String model, int c, double ioMillis, double cpuMicros) {
        Map<String, String> params = new TreeMap<>();
        params.put("concurrency", Integer.toString(c));
        params.put("cpuMicros", trim(cpuMicros));
        params.put("ioMillis", trim(ioMillis));
        params.put("model", model);
        return params;
    }

    private static String trim(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

    static Map<String, Object> metric(double score, double error, String unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("score", json(score));
        m.put("scoreError", json(error));
        m.put("scoreConfidence", List.of(json(score - error), json(score + error)));
        m.put("scorePercentiles", Map.of("0.0", json(score - error), "50.0", json(score), "100.0", json(score + error)));
        m.put("scoreUnit", unit);
        m.put("rawData", Double.isNaN(error) ? List.of(List.of(json(score)))
                : List.of(List.of(json(score - error / 2), json(score), json(score + error / 2))));
        return m;
    }

    /** JMH writes NaN and the infinities as strings. */
    private static Object json(double x) {
        return Double.isNaN(x) ? "NaN" : Double.isInfinite(x) ? (x > 0 ? "+INF" : "-INF") : x;
    }

    /** Writes results.json, environment.json and the latency logs into {@code dir}; {@return results.json} */
    Path writeTo(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("latency"));
        Path results = dir.resolve("results.json");
        JSON.writeValue(results.toFile(), entries);
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("cpuModel", "Test CPU @ 3.0GHz");
        env.put("cores", CORES);
        env.put("memoryBytes", 8L << 30);
        env.put("os", "Linux 6.1 amd64");
        env.put("jdkVendor", "Eclipse Adoptium");
        env.put("jdkVersion", "25");
        env.put("forkedJdkVersion", "25");
        env.put("jmhVersion", "1.37");
        env.put("gitCommit", "0123456789abcdef");
        env.put("profile", "quick");
        env.put("startTime", "2026-01-01T10:00:00Z");
        env.put("endTime", "2026-01-01T10:20:00Z");
        env.put("hostname", "bench-host");
        env.putAll(environmentExtras);
        JSON.writeValue(dir.resolve("environment.json").toFile(), env);
        if (runRecords) {
            Files.createDirectories(dir.resolve("points"));
            for (var e : sidecars.entrySet()) {
                JSON.writeValue(dir.resolve("points").resolve(e.getKey()).toFile(), e.getValue());
            }
            JSON.writeValue(dir.resolve("failures.json").toFile(), failures);
        }
        for (var e : latencyNanos.entrySet()) {
            writeHlog(dir.resolve("latency").resolve(e.getKey()), e.getValue());
        }
        return results;
    }

    /** Two interval histograms around {@code nanos}: 900 values at it and 100 at twice it. */
    static void writeHlog(Path file, long nanos) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file))) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputLogFormatVersion();
            writer.outputStartTime(0);
            writer.outputLegend();
            for (int interval = 0; interval < 2; interval++) {
                Histogram h = new Histogram(3);
                h.setStartTimeStamp(interval * 1000L);
                h.setEndTimeStamp(interval * 1000L + 1000);
                h.recordValueWithCount(nanos, 450);
                h.recordValueWithCount(nanos * 2, 50);
                writer.outputIntervalHistogram(h);
            }
        }
    }
}
