package dev.crossover.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

@Timeout(30)
class CompareCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int compare(Object... args) {
        CommandLine cmd = new CommandLine(new CompareCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(java.util.Arrays.stream(args).map(Object::toString).toArray(String[]::new));
    }

    /** {@return the lines printed, warnings left out (see the tests of their own)} */
    private List<String> lines() {
        return out.toString().lines().filter(l -> !l.startsWith("warning: ")).toList();
    }

    /** Two Crossover runs: eventloop at C = 100 drops from 1,960 to 1,500 tasks/s; the rest holds. */
    private Path[] crossoverRuns(boolean dropVirtual) throws Exception {
        CrossoverFixture base = new CrossoverFixture()
                .add("Sleep", "eventloop", 100, 50, 0, 1960)
                .add("Sleep", "threads-virtual", 100, 50, 0, 1900)
                .add("Cpu", "threads-fixed", 2, 0, 1000, 1900);
        CrossoverFixture current = new CrossoverFixture()
                .add("Sleep", "eventloop", 100, 50, 0, 1500)
                .add("Cpu", "threads-fixed", 2, 0, 1000, 1910);
        if (!dropVirtual) {
            current.add("Sleep", "threads-virtual", 100, 50, 0, 1890);
        }
        base.writeTo(dir.resolve("base"));
        current.writeTo(dir.resolve("current"));
        return new Path[] {dir.resolve("base"), dir.resolve("current")};
    }

    @Test
    void sameFileHasNoRegressionAndExitsZero() throws Exception {
        Path file = Fixtures.copy(Fixtures.THRPT_PARAMS, dir);

        assertEquals(0, compare(file, file));

        assertEquals(4, lines().size(), out.toString());
        assertTrue(lines().subList(0, 3).stream().allMatch(l -> l.startsWith(
                "UNCHANGED  HollowObjectTypeReadStateReshardingBenchmark.testReadString thrpt countStrings=500")), out.toString());
        assertTrue(lines().stream().anyMatch(l -> l.endsWith(
                "maxStringLength=5 shardSizeMBs=1  primary 46.9 \u00b1 23.4 -> 46.9 \u00b1 23.4 ops/ms  +0.0%")), out.toString());
        assertEquals("0 regressed, 0 improved, 3 unchanged, 0 missing, 0 new", lines().get(3));
        assertEquals("", err.toString());
    }

    @Test
    void crossoverRegressionExitsOneAndComesFirst() throws Exception {
        Path[] runs = crossoverRuns(false);

        assertEquals(1, compare(runs[0], runs[1], "--threshold", "10%"));

        assertEquals(4, lines().size(), out.toString());
        assertEquals("REGRESSED  SleepBenchmark.run thrpt concurrency=100 cpuMicros=0 ioMillis=50 model=eventloop"
                + "  completed 1,960 \u00b1 39.2 -> 1,500 \u00b1 30 ops/s  -23.5%", lines().get(0));
        assertTrue(lines().get(1).startsWith("UNCHANGED  SleepBenchmark.run thrpt concurrency=100 cpuMicros=0 ioMillis=50 model=threads-virtual"),
                lines().get(1));
        assertTrue(lines().get(2).startsWith("UNCHANGED  CpuBenchmark.run"), lines().get(2));
        assertEquals("1 regressed, 0 improved, 2 unchanged, 0 missing, 0 new", lines().get(3));
    }

    @Test
    void regressionBelowTheThresholdPasses() throws Exception {
        Path[] runs = crossoverRuns(false);
        assertEquals(0, compare(runs[0], runs[1], "--threshold", "25%"));
        assertTrue(lines().get(0).startsWith("UNCHANGED  SleepBenchmark.run thrpt concurrency=100 cpuMicros=0 ioMillis=50 model=eventloop"),
                lines().get(0));
    }

    @Test
    void missingPointFailsOnlyWithFailOnMissing() throws Exception {
        Path[] runs = crossoverRuns(true);
        Path base = runs[0].resolve("results.json");
        Path current = runs[1].resolve("results.json");

        assertEquals(0, compare(base, current, "--threshold", "30%"));
        assertTrue(lines().get(0).startsWith("MISSING    SleepBenchmark.run"), lines().get(0));
        assertTrue(lines().get(0).contains("model=threads-virtual  completed 1,900 \u00b1 38 -> (absent) ops/s"), lines().get(0));
        assertEquals("0 regressed, 0 improved, 2 unchanged, 1 missing, 0 new", lines().get(lines().size() - 1));

        assertEquals(1, compare(base, current, "--threshold", "30%", "--fail-on-missing"));
    }

    @Test
    void jsonCarriesTheSameData() throws Exception {
        Path[] runs = crossoverRuns(true);

        assertEquals(1, compare(runs[0], runs[1], "--json"));

        JsonNode root = JSON.readTree(out.toString());
        assertEquals(0.05, root.get("threshold").doubleValue(), 1e-12);
        assertEquals("auto", root.get("metric").textValue());
        assertEquals(true, root.get("regression").booleanValue());
        JsonNode summary = root.get("summary");
        assertEquals(List.of(1, 0, 1, 1, 0), List.of(summary.get("regressed").intValue(), summary.get("improved").intValue(),
                summary.get("unchanged").intValue(), summary.get("missing").intValue(), summary.get("new").intValue()));
        JsonNode worst = root.get("points").get(0);
        assertEquals("REGRESSED", worst.get("verdict").textValue());
        assertEquals("dev.crossover.benchmarks.SleepBenchmark.run", worst.get("benchmark").textValue());
        assertEquals("SleepBenchmark.run", worst.get("name").textValue());
        assertEquals("eventloop", worst.get("params").get("model").textValue());
        assertEquals("completed", worst.get("metric").textValue());
        assertEquals("intervals", worst.get("basis").textValue());
        assertEquals(1960, worst.get("baseline").get("score").doubleValue(), 1e-9);
        assertEquals(39.2, worst.get("baseline").get("error").doubleValue(), 1e-9);
        assertEquals(1500, worst.get("current").get("score").doubleValue(), 1e-9);
        assertEquals(-23.469, worst.get("changePercent").doubleValue(), 1e-3);
        JsonNode missing = root.get("points").get(1);
        assertEquals("MISSING", missing.get("verdict").textValue());
        assertTrue(missing.get("current").isNull());
        assertTrue(missing.get("changePercent").isNull());
    }

    @Test
    void realFixtureWithinNoiseIsUnchanged() throws Exception {
        // Hollow's first point is 46.9 ± 23.4 ops/ms; a current run 30% lower with the same error overlaps it.
        Path base = Fixtures.copy(Fixtures.THRPT_PARAMS, dir.resolve("base"));
        ArrayNode entries = (ArrayNode) JSON.readTree(base.toFile());
        ObjectNode primary = (ObjectNode) entries.get(0).get("primaryMetric");
        double score = primary.get("score").doubleValue() * 0.7;
        double error = primary.get("scoreError").doubleValue();
        primary.put("score", score);
        primary.putArray("scoreConfidence").add(score - error).add(score + error);
        Path current = Files.createDirectories(dir.resolve("current")).resolve("results.json");
        JSON.writeValue(current.toFile(), entries);

        assertEquals(0, compare(base, dir.resolve("current")));

        assertTrue(lines().get(0).contains("maxStringLength=5 shardSizeMBs=1  primary 46.9 \u00b1 23.4 -> 32.8 \u00b1 23.4 ops/ms  -30.0%"
                + "  (within noise: 99.9% confidence intervals overlap)"), lines().get(0));
    }

    @Test
    void avgtFixtureSlowerIsARegression() throws Exception {
        Path base = Fixtures.copy(Fixtures.AVGT_GC, dir.resolve("base"));
        ArrayNode entries = (ArrayNode) JSON.readTree(base.toFile());
        ObjectNode primary = (ObjectNode) entries.get(1).get("primaryMetric");
        primary.put("score", 2500.0);
        primary.put("scoreError", 30.0);
        primary.putArray("scoreConfidence").add(2470.0).add(2530.0);
        Path current = dir.resolve("current.json");
        JSON.writeValue(current.toFile(), entries);

        assertEquals(1, compare(base, current));

        assertTrue(lines().get(0).startsWith("REGRESSED  "), lines().get(0));
        assertTrue(lines().get(0).contains(".intWrapperArrayAdd avgt  primary 1,909 \u00b1 26.5 -> 2,500 \u00b1 30 ns/op  +31.0%"),
                lines().get(0));
    }

    @Test
    void namedSecondaryMetricFromARealFile() throws Exception {
        Path file = Fixtures.copy(Fixtures.AVGT_GC, dir);
        assertEquals(0, compare(file, file, "--metric", "gc.alloc.rate.norm"));
        assertTrue(lines().get(0).contains("  gc.alloc.rate.norm "), lines().get(0));
        assertTrue(lines().get(0).contains(" B/op  +0.0%"), lines().get(0));
    }

    @Test
    void nanErrorsFallBackToTheTestAndSaySo() throws Exception {
        String entry = """
                [{"benchmark":"a.B.c","mode":"thrpt","primaryMetric":{"score":%s,"scoreError":"NaN",
                  "scoreConfidence":["NaN","NaN"],"scoreUnit":"ops/s","rawData":[%s]}}]""";
        Path base = dir.resolve("base.json");
        Path current = dir.resolve("current.json");
        Files.writeString(base, entry.formatted("100", "[100.0, 101.0, 99.0], [100.5, 99.5]"));
        Files.writeString(current, entry.formatted("80", "[80.0, 81.0, 79.0], [80.5, 79.5]"));

        assertEquals(1, compare(base, current));

        assertTrue(lines().get(0).startsWith("REGRESSED  B.c thrpt  primary 100 \u00b1 ? -> 80 \u00b1 ? ops/s  -20.0%"
                + "  (no confidence interval; Welch t-test on rawData, p = "), lines().get(0));

        Files.writeString(base, entry.formatted("100", "[100.0]"));
        Files.writeString(current, entry.formatted("80", "[80.0]"));
        assertEquals(1, compare(base, current));
        assertTrue(lines().get(lines().size() - 2).endsWith(
                "(no confidence interval and fewer than 2 rawData values per side: judged by threshold alone)"), out.toString());
    }

    @Test
    void badFileExitsTwoWithOneLineNamingIt() throws Exception {
        Path good = Fixtures.copy(Fixtures.THRPT_PARAMS, dir);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "[]");

        assertEquals(2, compare(good, bad));

        assertEquals(bad + ": empty array at $ (expected: at least one JMH result)", err.toString().strip());
        assertEquals("", out.toString());
    }

    @Test
    void missingFileExitsTwo() throws Exception {
        Path good = Fixtures.copy(Fixtures.THRPT_PARAMS, dir);
        Path missing = dir.resolve("nope");
        assertEquals(2, compare(missing, good));
        assertEquals(missing + ": no such file", err.toString().strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-3%", "5 percent"})
    void badThresholdExitsTwoNamingTheFlag(String threshold) throws Exception {
        Path file = Fixtures.copy(Fixtures.THRPT_PARAMS, dir);
        assertEquals(2, compare(file, file, "--threshold", threshold));
        assertEquals("--threshold: " + threshold + " (expected: a percentage >= 0, such as 5%)", err.toString().strip());
        assertEquals("", out.toString());
    }

    @Test
    void unknownMetricExitsTwoNamingFileAndMetric() throws Exception {
        Path file = Fixtures.copy(Fixtures.THRPT_PARAMS, dir);
        assertEquals(2, compare(file, file, "--metric", "completed"));
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith(file + ": no metric \"completed\" at $["), message);
        assertTrue(message.endsWith("(expected: --metric auto, primary; the entry has no secondary metrics)"), message);
    }

    @Test
    void oneFileIsAUsageError() throws Exception {
        Path file = Fixtures.copy(Fixtures.THRPT_PARAMS, dir);
        assertEquals(2, compare(file));
        assertTrue(err.toString().contains("CURRENT"), err.toString());
    }
}
