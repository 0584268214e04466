package dev.crossover.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        new PointSummary(SLEEP, PARAMS, 10_000, 10_000, true, 10_000, 0, 0, 250.0, 12).writeMerged(file);
        assertEquals(new PointSummary(SLEEP, PARAMS, 10_000, 10_000, true, 10_000, 0, 0, 250.0, 12), PointSummary.read(file));

        new PointSummary(SLEEP, PARAMS, 16, 10_000, false, 16, 0, 0, 300.0, 30).writeMerged(file);

        assertEquals(new PointSummary(SLEEP, PARAMS, 16, 10_000, false, 10_000, 0, 0, 300.0, 42), PointSummary.read(file),
                "smallest batch, highest in flight, reached only if every fork did, slowest start-up, invocations summed");
    }
}
