package dev.crossover.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointSummaryTest {
    private static final String SLEEP = "dev.crossover.benchmarks.SleepBenchmark.run";
    private static final Map<String, String> PARAMS = Map.of("model", "processes", "concurrency", "10000",
            "ioMillis", "10", "cpuMicros", "0");

    private static PointSummary.Histograms histograms(long latencyNanos, int count) {
        PointSummary.Histograms h = PointSummary.Histograms.empty();
        h.latency().recordValueWithCount(latencyNanos, count);
        h.service().recordValueWithCount(latencyNanos / 2, count);
        h.lateness().recordValueWithCount(50_000, count);
        return h;
    }

    private static PointSummary closed(int invocations, long cpuNanos, long tasks, PointSummary.Histograms h,
                                       double startup, boolean passed) {
        return new PointSummary(SLEEP, PARAMS, false, 10_000, 10_000, 0, 0, startup, invocations, cpuNanos, tasks,
                1_500_000_000L, 0, Double.NaN, h, "full", tasks * 2, passed);
    }

    @Test
    void isNamedLikeTheLatencyLogWithEveryParamSortedByKey() {
        assertEquals(SLEEP + "@concurrency=10000,cpuMicros=0,ioMillis=10,model=processes.json",
                PointSummary.fileName(SLEEP, PARAMS));
    }

    @Test
    void aSecondForkMergesIntoTheFileHistogramsAndAll(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(PointSummary.fileName(SLEEP, PARAMS));
        closed(12, 3_000_000_000L, 120_000, histograms(10_000_000, 120_000), 250.0, true).writeMerged(file);
        assertEquals(closed(12, 3_000_000_000L, 120_000, histograms(10_000_000, 120_000), 250.0, true),
                PointSummary.read(file), "what is written is read back, histograms included");
        assertEquals(25_000, PointSummary.read(file).cpuNanosPerTaskMeasured());

        closed(30, 1_000_000_000L, 480, histograms(40_000_000, 480), 300.0, false).writeMerged(file);

        PointSummary merged = PointSummary.read(file);
        assertEquals(42, merged.invocations());
        assertEquals(300.0, merged.startupMillis(), "the slowest start-up");
        assertEquals(120_480, merged.tasksMeasured());
        assertEquals(33_201, merged.cpuNanosPerTaskMeasured(), "4 s over 120480 tasks, rounded");
        assertEquals(120_480, merged.histograms().latency().getTotalCount(), "the forks' histograms added");
        assertEquals(40_000_000, merged.histograms().latency().getMaxValue(), 40_000_000 * 0.001);
        assertFalse(merged.passed(), "a point passes its check only if every fork did");
        assertEquals(3_000_000_000L, merged.measuredNanos());
    }

    @Test
    void theFileCarriesPercentilesTheCheckAndTheMethodVersion(@TempDir Path dir) throws Exception {
        Path measured = dir.resolve("measured.json");
        closed(3, 1_500_000_000L, 300, histograms(2_000_000, 300), 1.0, true).writeMerged(measured);
        JsonNode json = new ObjectMapper().readTree(measured.toFile());
        assertEquals(5_000_000, json.get("cpuNanosPerTaskMeasured").asLong());
        assertEquals(1.5, json.get("cpuSecondsMeasured").asDouble());
        assertEquals(300, json.get("tasksMeasured").asLong());
        assertEquals("closed", json.get("mode").asText());
        assertEquals(2_000, json.get("latencyMicros").get("p99").asDouble(), 2);
        assertEquals(1_000, json.get("serviceMicros").get("p50").asDouble(), 1);
        assertEquals(300, json.get("latenessMicros").get("count").asLong());
        assertTrue(json.get("verification").get("passed").asBoolean());
        assertEquals("full", json.get("verification").get("method").asText());
        assertEquals(dev.crossover.core.Driver.METHOD_VERSION, json.get("methodVersion").asInt());
        assertEquals(1, json.get("forks").size(), "one fork so far");
        assertEquals(5_000_000, json.get("forks").get(0).get("cpuNanosPerTaskMeasured").asLong());
        closed(3, 1_500_000_000L, 300, histograms(2_000_000, 300), 1.0, true).writeMerged(measured);
        assertEquals(2, new ObjectMapper().readTree(measured.toFile()).get("forks").size(), "a second fork adds its entry");
        assertFalse(json.has("offeredRate") || json.has("lagMicros"), "closed loop: no open-loop fields");

        Path none = dir.resolve("none.json");
        closed(3, 0, 0, PointSummary.Histograms.empty(), 1.0, true).writeMerged(none);
        JsonNode old = new ObjectMapper().readTree(none.toFile());
        assertFalse(old.has("cpuNanosPerTaskMeasured") || old.has("cpuSecondsMeasured"), old.toString());
        assertEquals(-1, PointSummary.read(none).cpuNanosPerTaskMeasured(), "absent means not measured");
    }

    @Test
    void aPointAgainstTheDelayServerCarriesItsFiguresMergedOverForks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("http.json");
        closed(3, 1_500_000_000L, 300, histograms(2_000_000, 300), 1.0, true)
                .writeMerged(file, new dev.crossover.server.ServerStats(1_000, 2.0, 40, 300, 900));
        JsonNode server = new ObjectMapper().readTree(file.toFile()).get("server");
        assertEquals(java.util.List.of("answered", "elapsedSeconds", "requestsPerSecond", "latenessP50Micros",
                "latenessP99Micros", "latenessMaxMicros"), iterate(server.fieldNames()));
        assertEquals(1_000, server.get("answered").asLong());
        assertEquals(500.0, server.get("requestsPerSecond").asDouble());
        assertEquals(300.0, server.get("latenessP99Micros").asDouble());

        closed(3, 1_500_000_000L, 300, histograms(2_000_000, 300), 1.0, true)
                .writeMerged(file, new dev.crossover.server.ServerStats(3_000, 2.0, 50, 200, 2_000));
        server = new ObjectMapper().readTree(file.toFile()).get("server");
        assertEquals(4_000, server.get("answered").asLong(), "the forks' answers added");
        assertEquals(1_000.0, server.get("requestsPerSecond").asDouble(), "over the forks' seconds added");
        assertEquals(50.0, server.get("latenessP50Micros").asDouble(), "the worse fork's");
        assertEquals(300.0, server.get("latenessP99Micros").asDouble(), "the worse fork's");
        assertEquals(2_000.0, server.get("latenessMaxMicros").asDouble());

        Path sleep = dir.resolve("sleep.json");
        closed(3, 1_500_000_000L, 300, histograms(2_000_000, 300), 1.0, true).writeMerged(sleep);
        assertFalse(new ObjectMapper().readTree(sleep.toFile()).has("server"), "no server, no object");
        assertEquals(null, PointSummary.serverIn(sleep));
    }

    private static java.util.List<String> iterate(java.util.Iterator<String> names) {
        java.util.List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    @Test
    void anOpenLoopPointCarriesItsOfferedAndAchievedRateLagAndRejections(@TempDir Path dir) throws Exception {
        PointSummary.Histograms h = histograms(12_000_000, 1_000);
        h.lag().recordValueWithCount(30_000, 1_000);
        Path file = dir.resolve("open.json");
        new PointSummary(SLEEP, PARAMS, true, 10_000, 40, 0, 0, 1.0, 100, 1_000_000_000L, 1_000, 1_000_000_000L, 7,
                1_000.0, h, "full", 1_500, true).writeMerged(file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals("open", json.get("mode").asText());
        assertEquals(1_000.0, json.get("offeredRate").asDouble());
        assertEquals(1_000.0, json.get("achievedRate").asDouble(), 1e-9, "1,000 tasks in 1 s");
        assertEquals(7, json.get("rejected").asLong());
        assertEquals(30, json.get("lagMicros").get("p99").asDouble(), 0.1);
        assertTrue(PointSummary.read(file).open());
    }

}
