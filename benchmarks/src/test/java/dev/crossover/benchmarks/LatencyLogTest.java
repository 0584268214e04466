package dev.crossover.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyLogTest {
    @Test
    void namesTheFileByBenchmarkAndEveryParamSortedByKey() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("model", "threads-virtual");
        params.put("ioMillis", "10");
        params.put("concurrency", "100");
        params.put("cpuMicros", "0");
        assertEquals("dev.crossover.benchmarks.SleepBenchmark.run@concurrency=100,cpuMicros=0,ioMillis=10,"
                        + "model=threads-virtual.hlog",
                LatencyLog.fileName("dev.crossover.benchmarks.SleepBenchmark.run", params));
    }

    @Test
    void rejectsAParamThatWouldBreakTheName() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> LatencyLog.fileName("b.run", Map.of("model", "a,b")));
        assertEquals("param: model=a,b (expected: letters, digits, '.', '_' and '-' only)", e.getMessage());
    }

    @Test
    void appendsOneIntervalPerForkUnderOneHeader(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("b.run@model=m.hlog");
        LatencyLog.append(file, histogram(1_000, 5));
        LatencyLog.append(file, histogram(2_000, 7));

        HistogramLogReader reader = new HistogramLogReader(file.toFile());
        EncodableHistogram first = reader.nextIntervalHistogram();
        EncodableHistogram second = reader.nextIntervalHistogram();
        assertEquals(5, ((Histogram) first).getTotalCount());
        assertEquals(7, ((Histogram) second).getTotalCount());
        assertNull(reader.nextIntervalHistogram());
    }

    private static Histogram histogram(long valueNanos, int count) {
        Histogram h = new Histogram(3);
        h.setStartTimeStamp(System.currentTimeMillis());
        h.recordValueWithCount(valueNanos, count);
        h.setEndTimeStamp(System.currentTimeMillis() + 1);
        return h;
    }
}
