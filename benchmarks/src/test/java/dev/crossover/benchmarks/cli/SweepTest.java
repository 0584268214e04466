package dev.crossover.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.benchmarks.ForkedJvm;
import dev.crossover.benchmarks.LatencyLog;
import dev.crossover.benchmarks.PointSummary;
import dev.crossover.benchmarks.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep's files for a tiny plan, at the smoke profile's settings: one point that runs, one
 * that fails in its fork (a model id no provider has) and one left out (a model that rejects fan-out).
 * The sweep runs in a JVM of its own ({@link SweepMain}), started with {@link dev.crossover.benchmarks.JvmFlags}
 * as the jar's runner is, so JMH's host side stays quiet on JDK 24+.
 */
class SweepTest {
    private static final String MIXED = SweepMain.MIXED;
    private static final Map<String, String> GOOD = SweepMain.GOOD;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void writesResultsSummariesAndFailuresForRunFailedAndExcludedPoints(@TempDir Path dir) throws Exception {
        Map<String, String> badParams = SweepMain.BAD;

        ForkedJvm.Result run = ForkedJvm.run(dir.resolve("jvm"), Duration.ofSeconds(170), List.of(), SweepMain.class,
                dir.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err(), "nothing on standard error: no JVM warning from JMH's host or its forks");
        ObjectMapper json = new ObjectMapper();
        JsonNode outcome = json.readTree(run.out());
        assertEquals(0, outcome.get("fanoutPoints").asInt(), "threads-forkjoin rejects fan-out");
        assertFalse(outcome.get("interrupted").asBoolean());
        assertEquals(List.of(badParams), json.convertValue(outcome.get("failed"), List.class));
        String progress = Files.readString(dir.resolve("progress.txt"));
        assertFalse(progress.contains("WARNING"), progress);
        JsonNode results = json.readTree(dir.resolve("results.json").toFile());
        assertEquals(1, results.size(), "only the point that ran");
        assertEquals(GOOD, json.convertValue(results.get(0).get("params"), Map.class));
        int rounds = Profile.SMOKE.settings().forks();
        assertEquals(rounds, results.get(0).get("forks").asInt(), "one fork per round, merged into one entry");
        assertEquals(rounds, results.get(0).get("secondaryMetrics").get("completed").get("rawData").size(),
                "a rawData row per fork");
        assertEquals(2 + 1, progress.lines().filter(l -> l.matches("\\[\\d+/\\d+\\].*")).count(),
                "the good point in each of 2 rounds, the bad one only in the first it reached: " + progress);

        Path summaryFile = dir.resolve("points").resolve(
                MIXED + "@concurrency=3,cpuMicros=100,ioMillis=1,model=threads-virtual.json");
        assertEquals(summaryFile.getFileName().toString(), PointSummary.fileName(MIXED, GOOD));
        assertEquals(LatencyLog.fileName(MIXED, GOOD).replace(".hlog", ".json"), PointSummary.fileName(MIXED, GOOD));
        assertTrue(Files.exists(dir.resolve("latency").resolve(LatencyLog.fileName(MIXED, GOOD))));
        JsonNode summary = json.readTree(summaryFile.toFile());
        assertEquals(List.of("benchmark", "params", "mode", "concurrency", "maxInFlight", "cpuUnits", "cpuNanosPerTask",
                "startupMillis", "invocations", "measuredNanos", "cpuNanosPerTaskMeasured", "cpuSecondsMeasured",
                "tasksMeasured", "latencyMicros", "serviceMicros", "latenessMicros", "verification", "methodVersion",
                "histograms", "forks", "otherCpuCores", "stealCpuCores", "ownCpuCores", "busy"), fieldNames(summary));
        assertEquals(rounds, summary.get("forks").size(), "one entry per fork: " + summary.get("forks"));
        assertTrue(summary.get("ownCpuCores").asDouble() > 0, "the point's fork is the run's own: " + summary);
        assertTrue(summary.get("otherCpuCores").asDouble() >= 0, summary.toString());
        assertEquals(summary.get("otherCpuCores").asDouble() > 0.25, summary.get("busy").asBoolean(), summary.toString());
        // the good point's last fork's lines (the summary keeps the load of its last fork): from its progress line to the end
        String goodPoint = progress.substring(progress.lastIndexOf("model=threads-virtual"));
        goodPoint = goodPoint.contains("\n[") ? goodPoint.substring(0, goodPoint.indexOf("\n[")) : goodPoint;
        assertEquals(summary.get("busy").asBoolean(), goodPoint.contains("        busy: other processes took "), progress);
        long tasks = summary.get("tasksMeasured").asLong();
        assertTrue(tasks > 0, "tasks finished in the measured iterations: " + summary);
        assertTrue(summary.get("cpuSecondsMeasured").asDouble() > 0, summary.toString());
        assertEquals(Math.round(summary.get("cpuSecondsMeasured").asDouble() * 1e9 / tasks),
                summary.get("cpuNanosPerTaskMeasured").asLong(), 1.0, summary.toString());
        assertEquals(MIXED, summary.get("benchmark").asText());
        assertEquals(GOOD, json.convertValue(summary.get("params"), Map.class));
        assertEquals("closed", summary.get("mode").asText());
        assertEquals(3, summary.get("concurrency").asInt());
        assertEquals(3, summary.get("maxInFlight").asInt(), "the closed loop keeps exactly C in flight");
        assertEquals(700, summary.get("cpuUnits").asLong(), "100 us at the run's 7 units/us, not the fork's own calibration");
        assertEquals(tasks, tasksFromHistogram(summary), "the measured tasks are those whose latencies the file holds");
        // a wait ends before its task does, so a few waits and their tasks fall in neighbouring iterations
        long waits = summary.get("latenessMicros").get("count").asLong();
        assertTrue(waits > tasks / 2 && waits <= tasks + 3L * rounds * Profile.SMOKE.settings().measurementIterations(),
                "each measured task's wait reports its lateness: " + waits + " waits, " + tasks + " tasks");
        assertTrue(summary.get("verification").get("passed").asBoolean(), summary.toString());
        assertEquals("full", summary.get("verification").get("method").asText());
        assertEquals(dev.crossover.core.Driver.METHOD_VERSION, summary.get("methodVersion").asInt());
        assertTrue(summary.get("invocations").asInt() > 0);
        assertTrue(summary.get("startupMillis").isNumber());
        assertFalse(Files.exists(dir.resolve("points").resolve(PointSummary.fileName(MIXED, badParams))),
                "a trial that never ran writes no summary");

        JsonNode failures = json.readTree(dir.resolve("failures.json").toFile());
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

        // the reports module reads what the forks wrote: the point records' contract holds end to end
        dev.crossover.reports.Reports.write(List.of(dir.resolve("results.json")), dir.resolve("report"));
        assertTrue(Files.exists(dir.resolve("report").resolve("report.html")), "the report of this run");

        JsonNode environment = json.readTree(dir.resolve("environment.json").toFile());
        assertEquals(7.0, environment.get("calibration").get("unitsPerMicro").asDouble());
        assertEquals(rounds, environment.get("forks").asInt());
        assertTrue(outcome.get("otherLoadKnown").asBoolean());
        assertEquals(0.25, environment.get("busyThresholdCores").asDouble());
        assertTrue(environment.get("otherCpuCores").isNumber(), environment.toString());
        assertTrue(environment.get("ownCpuCores").asDouble() > 0, environment.toString());
        assertEquals(environment.get("otherCpuCores").asDouble() > 0.25, environment.get("busy").asBoolean());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void failuresFileIsAnEmptyArrayWhenNothingFailed(@TempDir Path dir) throws Exception {
        Failures failures = new Failures(dir.resolve("failures.json"));
        failures.write();
        assertEquals("[ ]", Files.readString(dir.resolve("failures.json")).strip());
    }

    /** {@return how many values the summary's latency histogram holds} */
    private static long tasksFromHistogram(JsonNode summary) throws java.util.zip.DataFormatException {
        byte[] bytes = java.util.Base64.getDecoder().decode(summary.get("histograms").get("latency").asText());
        return org.HdrHistogram.Histogram.decodeFromCompressedByteBuffer(java.nio.ByteBuffer.wrap(bytes), 0).getTotalCount();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
