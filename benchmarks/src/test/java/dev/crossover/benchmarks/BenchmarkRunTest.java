package dev.crossover.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs one benchmark at the smoke profile's point and settings, for one model, the way a user runs
 * the jar as a plain JMH jar ({@code java -jar benchmarks.jar SleepBenchmark -p ...}): through
 * {@link Main} in a JVM of its own, whose JMH forks get {@link JvmFlags}. Reads its JSON and latency log.
 */
class BenchmarkRunTest {
    private static final String MODEL = "threads-virtual";

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void sleepBenchmarkWritesEntryWithParamsTaskCountersAndLatencyLog(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("results.json");
        Path latency = dir.resolve("latency");
        Profile.Point point = Profile.SMOKE.points(List.of(MODEL), p -> p.benchmark().contains("SleepBenchmark"), m -> true)
                .get(0);  // C = 1; the params model and concurrency are inherited from WorkloadBenchmark
        Profile.Settings smoke = Profile.SMOKE.settings();
        List<String> args = new ArrayList<>(List.of("^" + SleepBenchmark.class.getName() + ".run$",
                "-f", Integer.toString(smoke.forks()),
                "-wi", Integer.toString(smoke.warmupIterations()), "-w", smoke.warmupTime().toMillis() + "ms",
                "-i", Integer.toString(smoke.measurementIterations()), "-r", smoke.measurementTime().toMillis() + "ms",
                "-jvmArgs", "-Xmx" + smoke.heap(), "-jvmArgsAppend", "-D" + LatencyLog.DIR_PROPERTY + "=" + latency,
                "-foe", "true", "-rf", "json", "-rff", json.toString()));
        point.params().forEach((k, v) -> args.addAll(List.of("-p", k + "=" + v)));

        ForkedJvm.Result run = ForkedJvm.run(dir.resolve("jvm"), Duration.ofSeconds(140), List.of(), Main.class,
                args.toArray(String[]::new));

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals("", run.err(), "no JVM warning from JMH's host or its fork");
        assertFalse(run.out().lines().anyMatch(l -> l.startsWith("WARNING:")), run.out());
        JsonNode entries = new ObjectMapper().readTree(json.toFile());
        assertEquals(1, entries.size());
        JsonNode entry = entries.get(0);
        assertEquals("dev.crossover.benchmarks.SleepBenchmark.run", entry.get("benchmark").asText());
        assertEquals("thrpt", entry.get("mode").asText());
        assertEquals(Map.of("model", MODEL, "concurrency", point.params().get("concurrency"), "ioMillis", "10", "cpuMicros", "0"),
                new ObjectMapper().convertValue(entry.get("params"), Map.class));
        JsonNode secondary = entry.get("secondaryMetrics");
        assertTrue(secondary.get("completed").get("score").asDouble() > 0, "completed tasks/s: " + secondary);
        assertEquals(0.0, secondary.get("failed").get("score").asDouble(), "failed tasks/s");
        assertEquals("ops/s", secondary.get("completed").get("scoreUnit").asText());
        assertEquals(smoke.measurementIterations(), secondary.get("completed").get("rawData").get(0).size(),
                "one value per measured iteration");

        Path log = latency.resolve(LatencyLog.fileName("dev.crossover.benchmarks.SleepBenchmark.run", point.params()));
        assertTrue(Files.exists(log), "latency log " + log);
        EncodableHistogram interval = new HistogramLogReader(log.toFile()).nextIntervalHistogram();
        assertTrue(interval.getMaxValueAsDouble() >= 10_000_000, "a 10 ms wait takes at least 10 ms, in nanoseconds");
    }
}
