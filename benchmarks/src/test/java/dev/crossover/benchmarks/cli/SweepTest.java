package dev.crossover.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.benchmarks.LatencyLog;
import dev.crossover.benchmarks.PointSummary;
import dev.crossover.benchmarks.Profile;
import dev.crossover.benchmarks.Profile.Point;
import dev.crossover.core.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep's files for a tiny plan, at the smoke profile's settings: one point that runs, one
 * that fails in its fork (a model id no provider has) and one left out (a model that rejects fan-out).
 */
class SweepTest {
    private static final String MIXED = "dev.crossover.benchmarks.MixedBenchmark.run";
    private static final Map<String, String> GOOD = Map.of("model", "threads-virtual", "concurrency", "3",
            "ioMillis", "1", "cpuMicros", "100");
    /** A calibration the test chooses, so the forks' kernel units are known: 100 us at 7 units/us. */
    private static final Kernel.Calibration CALIBRATION = new Kernel.Calibration(7.0);

    @BeforeAll
    static void ignoreJmhLock() {
        // JMH's lock keeps two benchmark runs from measuring each other; a test checks behaviour,
        // not timing, so it must not fail because a benchmark runs elsewhere on the machine.
        System.setProperty("jmh.ignoreLock", "true");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void writesResultsSummariesAndFailuresForRunFailedAndExcludedPoints(@TempDir Path dir) throws Exception {
        Point good = new Point(MIXED, GOOD);
        Map<String, String> badParams = new java.util.TreeMap<>(GOOD);
        badParams.put("model", "no-such-model");
        Point bad = new Point(MIXED, badParams);
        Profile.Plan fanout = Profile.SMOKE.plan(List.of("threads-forkjoin"), p -> p.benchmark().contains("Fanout"),
                new RunCommand.FanoutSupport(), 2);
        assertTrue(fanout.points().isEmpty(), "threads-forkjoin rejects fan-out");
        assertEquals(1, fanout.excluded().size());
        List<Profile.Exclusion> excluded = new ArrayList<>(fanout.excluded());
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        Sweep sweep = new Sweep(Profile.SMOKE, new Profile.Plan(List.of(good, bad), excluded), dir,
                new PrintStream(progress, true, StandardCharsets.UTF_8), CALIBRATION);
        Sweep.Outcome outcome = sweep.run();

        assertFalse(outcome.interrupted());
        assertEquals(List.of(bad), outcome.failed());
        ObjectMapper json = new ObjectMapper();
        JsonNode results = json.readTree(dir.resolve("results.json").toFile());
        assertEquals(1, results.size(), "only the point that ran");
        assertEquals(GOOD, json.convertValue(results.get(0).get("params"), Map.class));

        Path summaryFile = dir.resolve("points").resolve(
                MIXED + "@concurrency=3,cpuMicros=100,ioMillis=1,model=threads-virtual.json");
        assertEquals(summaryFile.getFileName().toString(), PointSummary.fileName(MIXED, GOOD));
        assertEquals(LatencyLog.fileName(MIXED, GOOD).replace(".hlog", ".json"), PointSummary.fileName(MIXED, GOOD));
        assertTrue(Files.exists(dir.resolve("latency").resolve(LatencyLog.fileName(MIXED, GOOD))));
        JsonNode summary = json.readTree(summaryFile.toFile());
        assertEquals(List.of("benchmark", "params", "batchTasks", "concurrency", "reachedConcurrency", "maxInFlight",
                "cpuUnits", "cpuNanosPerTask", "startupMillis", "invocations", "cpuNanosPerTaskMeasured", "cpuSecondsMeasured",
                "tasksMeasured"), fieldNames(summary));
        long tasks = summary.get("tasksMeasured").asLong();
        assertEquals(tasks, (long) summary.get("invocations").asInt() * summary.get("batchTasks").asInt(),
                "every task of every measured batch, one fork");
        assertTrue(summary.get("cpuSecondsMeasured").asDouble() > 0, summary.toString());
        assertEquals(Math.round(summary.get("cpuSecondsMeasured").asDouble() * 1e9 / tasks),
                summary.get("cpuNanosPerTaskMeasured").asLong(), 1.0, summary.toString());
        assertEquals(MIXED, summary.get("benchmark").asText());
        assertEquals(GOOD, json.convertValue(summary.get("params"), Map.class));
        assertEquals(3, summary.get("concurrency").asInt());
        assertEquals(700, summary.get("cpuUnits").asLong(), "100 us at the run's 7 units/us, not the fork's own calibration");
        int batch = summary.get("batchTasks").asInt();
        assertTrue(batch >= 3 && batch % 3 == 0, "whole waves of 3: " + batch);
        assertTrue(summary.get("reachedConcurrency").asBoolean(), summary.toString());
        assertEquals(3, summary.get("maxInFlight").asInt());
        assertTrue(summary.get("invocations").asInt() > 0);
        assertTrue(summary.get("startupMillis").isNumber());
        assertFalse(Files.exists(dir.resolve("points").resolve(PointSummary.fileName(MIXED, badParams))),
                "a trial that never ran writes no summary");

        JsonNode failures = json.readTree(sweep.failuresFile().toFile());
        assertEquals(2, failures.size(), failures.toString());
        JsonNode left = failures.get(0);
        assertEquals("excluded", left.get("status").asText());
        assertEquals("dev.crossover.benchmarks.FanoutBenchmark.run", left.get("benchmark").asText());
        assertEquals("threads-forkjoin", left.get("params").get("model").asText());
        assertEquals("4", left.get("params").get("fanout").asText());
        assertTrue(left.get("message").asText().startsWith("threads-forkjoin runs no fan-out workload: "), left.toString());
        JsonNode failed = failures.get(1);
        assertEquals("failed", failed.get("status").asText());
        assertEquals(MIXED, failed.get("benchmark").asText());
        assertEquals(badParams, json.convertValue(failed.get("params"), Map.class));
        assertTrue(failed.get("message").asText().contains("model: no-such-model (expected: one of "), failed.toString());

        JsonNode environment = json.readTree(dir.resolve("environment.json").toFile());
        assertEquals(7.0, environment.get("calibration").get("unitsPerMicro").asDouble());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void failuresFileIsAnEmptyArrayWhenNothingFailed(@TempDir Path dir) throws Exception {
        Failures failures = new Failures(dir.resolve("failures.json"));
        failures.write();
        assertEquals("[ ]", Files.readString(dir.resolve("failures.json")).strip());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
