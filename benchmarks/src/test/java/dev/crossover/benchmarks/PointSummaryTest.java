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

    @Test
    void isNamedLikeTheLatencyLogWithEveryParamSortedByKey() {
        assertEquals(SLEEP + "@concurrency=10000,cpuMicros=0,ioMillis=10,model=processes.json",
                PointSummary.fileName(SLEEP, PARAMS));
    }

    @Test
    void reachedNeedsAFullBatchAndAsManyInFlight() {
        assertTrue(PointSummary.reached(100, 200, 100));
        assertFalse(PointSummary.reached(100, 200, 99), "the model never had C tasks in flight");
        assertFalse(PointSummary.reached(10_000, 16, 16), "a batch below C cannot reach C");
    }

    @Test
    void aSecondForkMergesIntoTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(PointSummary.fileName(SLEEP, PARAMS));
        new PointSummary(SLEEP, PARAMS, 10_000, 10_000, true, 10_000, 0, 0, 250.0, 12, 3_000_000_000L, 120_000)
                .writeMerged(file);
        assertEquals(new PointSummary(SLEEP, PARAMS, 10_000, 10_000, true, 10_000, 0, 0, 250.0, 12, 3_000_000_000L, 120_000),
                PointSummary.read(file));
        assertEquals(25_000, PointSummary.read(file).cpuNanosPerTaskMeasured());

        new PointSummary(SLEEP, PARAMS, 16, 10_000, false, 16, 0, 0, 300.0, 30, 1_000_000_000L, 480).writeMerged(file);

        PointSummary merged = PointSummary.read(file);
        assertEquals(new PointSummary(SLEEP, PARAMS, 16, 10_000, false, 10_000, 0, 0, 300.0, 42, 4_000_000_000L, 120_480),
                merged, "smallest batch, highest in flight, reached only if every fork did, slowest start-up, "
                        + "invocations, CPU time and tasks summed");
        assertEquals(33_201, merged.cpuNanosPerTaskMeasured(), "4 s over 120480 tasks, rounded");
    }

    @Test
    void theFileCarriesTheMeasuredCpuOnlyWhenATaskWasMeasured(@TempDir Path dir) throws Exception {
        Path measured = dir.resolve("measured.json");
        new PointSummary(SLEEP, PARAMS, 100, 100, true, 100, 0, 0, 1.0, 3, 1_500_000_000L, 300).writeMerged(measured);
        JsonNode json = new ObjectMapper().readTree(measured.toFile());
        assertEquals(5_000_000, json.get("cpuNanosPerTaskMeasured").asLong());
        assertEquals(1.5, json.get("cpuSecondsMeasured").asDouble());
        assertEquals(300, json.get("tasksMeasured").asLong());

        Path none = dir.resolve("none.json");
        new PointSummary(SLEEP, PARAMS, 100, 100, true, 100, 0, 0, 1.0, 3, 0, 0).writeMerged(none);
        JsonNode old = new ObjectMapper().readTree(none.toFile());
        assertFalse(old.has("cpuNanosPerTaskMeasured") || old.has("cpuSecondsMeasured"), old.toString());
        assertEquals(-1, PointSummary.read(none).cpuNanosPerTaskMeasured(), "absent means not measured");
    }
}
