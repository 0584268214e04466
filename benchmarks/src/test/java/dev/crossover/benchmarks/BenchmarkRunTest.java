package dev.crossover.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs one benchmark at the smoke profile's point and settings through JMH's Runner, for one model, and reads its JSON. */
class BenchmarkRunTest {
    private static final String MODEL = "threads-virtual";

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void sleepBenchmarkWritesEntryWithParamsTaskCountersAndLatencyLog(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("results.json");
        Path latency = dir.resolve("latency");
        Profile.Point point = Profile.SMOKE.points(List.of(MODEL), p -> p.benchmark().contains("SleepBenchmark"), m -> true)
                .get(0);  // C = 3; the params model and concurrency are inherited from WorkloadBenchmark
        Profile.Settings smoke = Profile.SMOKE.settings();
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .include("^" + SleepBenchmark.class.getName() + ".run$")
                .forks(smoke.forks())
                .warmupIterations(smoke.warmupIterations())
                .warmupTime(TimeValue.milliseconds(smoke.warmupTime().toMillis()))
                .measurementIterations(smoke.measurementIterations())
                .measurementTime(TimeValue.milliseconds(smoke.measurementTime().toMillis()))
                .jvmArgs("-Xmx" + smoke.heap())
                .jvmArgsAppend("-D" + LatencyLog.DIR_PROPERTY + "=" + latency)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .result(json.toString())
                .resultFormat(ResultFormatType.JSON);
        point.params().forEach(builder::param);
        Options options = builder.build();
        // JMH's lock keeps two benchmark runs from measuring each other; a test checks behaviour,
        // not timing, so it must not fail because a benchmark runs elsewhere on the machine.
        System.setProperty("jmh.ignoreLock", "true");

        new Runner(options).run();

        JsonNode entries = new ObjectMapper().readTree(json.toFile());
        assertEquals(1, entries.size());
        JsonNode entry = entries.get(0);
        assertEquals("dev.crossover.benchmarks.SleepBenchmark.run", entry.get("benchmark").asText());
        assertEquals("thrpt", entry.get("mode").asText());
        assertEquals(Map.of("model", MODEL, "concurrency", "3", "ioMillis", "10", "cpuMicros", "0"),
                new ObjectMapper().convertValue(entry.get("params"), Map.class));
        JsonNode secondary = entry.get("secondaryMetrics");
        assertTrue(secondary.get("completed").get("score").asDouble() > 0, "completed tasks/s: " + secondary);
        assertEquals(0.0, secondary.get("failed").get("score").asDouble(), "failed tasks/s");
        assertEquals("ops/s", secondary.get("completed").get("scoreUnit").asText());
        assertEquals(smoke.measurementIterations(), secondary.get("completed").get("rawData").get(0).size(),
                "one value per measured iteration");

        Path log = latency.resolve("dev.crossover.benchmarks.SleepBenchmark.run@concurrency=3,cpuMicros=0,ioMillis=10,model="
                + MODEL + ".hlog");
        assertTrue(Files.exists(log), "latency log " + log);
        EncodableHistogram interval = new HistogramLogReader(log.toFile()).nextIntervalHistogram();
        assertTrue(interval.getMaxValueAsDouble() >= 10_000_000, "a 10 ms wait takes at least 10 ms, in nanoseconds");
    }
}
