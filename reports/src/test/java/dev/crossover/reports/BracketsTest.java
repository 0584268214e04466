package dev.crossover.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.reports.crossover.Cell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The brackets a refinement narrows: only where the lead changes with both neighbouring cells decided. */
class BracketsTest {
    private static final String SLEEP = "dev.crossover.benchmarks.SleepBenchmark.run";

    @Test
    void aClearChangeOfLeadIsABracketWithItsMidpoint(@TempDir Path dir) throws Exception {
        // a leads clearly at C = 10, b at C = 1,000; at C = 100 they are equivalent (no change with both decided)
        Path file = write(dir, List.of(
                entry("a", 10, 100, 101, 99), entry("b", 10, 50, 51, 49),
                entry("a", 1_000, 50, 51, 49), entry("b", 1_000, 100, 101, 99)));
        List<Reports.Bracket> brackets = Reports.brackets(file, 0.05);
        assertEquals(1, brackets.size(), brackets.toString());
        Reports.Bracket b = brackets.get(0);
        assertEquals(SLEEP, b.benchmark());
        assertEquals(10, b.fromC());
        assertEquals(1_000, b.toC());
        assertEquals(100, b.midpoint());
        assertEquals(List.of("a", "b"), b.models());
        assertEquals(Map.of("ioMillis", "10", "cpuMicros", "0"), b.params());
    }

    @Test
    void anUndecidedNeighbourMakesNoBracket(@TempDir Path dir) throws Exception {
        // at C = 1,000 b leads by 3% only: equivalent, shared with a, so the lead does not change with both decided
        Path file = write(dir, List.of(
                entry("a", 10, 100, 101, 99), entry("b", 10, 50, 51, 49),
                entry("a", 1_000, 100, 100.5, 99.5), entry("b", 1_000, 103, 103.5, 102.5)));
        assertEquals(List.of(), Reports.brackets(file, 0.05));
    }

    @Test
    void undecidedCellsNameTheirLeaderAndTheModelsItCouldNotBeToldFrom(@TempDir Path dir) throws Exception {
        // C = 10: a beats b and c clearly (decided: nothing to add); C = 100: a leads b by 2% with forks 3% apart
        // (open, a few more forks would tell), and beats c clearly (c needs no more forks); C = 1,000: a leads b
        // by 5.3%, about the margin: out of reach, last
        Path file = write(dir, List.of(
                entry("a", 10, 100, 101, 99), entry("b", 10, 50, 51, 49), entry("c", 10, 20, 21, 19),
                entry("a", 100, 102, 105, 99), entry("b", 100, 100, 103, 97), entry("c", 100, 20, 21, 19),
                entry("a", 1_000, 105.3, 106.3, 104.3), entry("b", 1_000, 100, 101, 99)));
        List<Reports.Undecided> undecided = Reports.undecided(file, 0.05);
        assertEquals(List.of("a@100", "b@100", "a@1000", "b@1000"), ids(undecided));
        assertEquals(SLEEP, undecided.get(0).benchmark());
        assertEquals(Map.of("concurrency", "100", "cpuMicros", "0", "ioMillis", "10", "model", "a"), undecided.get(0).params());
        int needs = undecided.get(0).forksToDecide();
        assertTrue(needs > 3 && needs <= 50, "" + needs);
        assertEquals(needs, undecided.get(1).forksToDecide(), "the cell's figure, on each of its points");
        assertEquals(-1, undecided.get(2).forksToDecide(), "5.3% ahead: about the margin, more than " + Cell.REACH + " forks a side");
        assertEquals(-1, undecided.get(3).forksToDecide());
    }

    @Test
    void cellsNeedingFewerForksComeFirst(@TempDir Path dir) throws Exception {
        Path file = write(dir, List.of(
                entry("a", 10, 102, 106, 98), entry("b", 10, 100, 104, 96),
                entry("a", 100, 102, 104, 100), entry("b", 100, 100, 102, 98)));
        List<Reports.Undecided> undecided = Reports.undecided(file, 0.05);
        assertEquals(List.of("a@100", "b@100", "a@10", "b@10"), ids(undecided), "2% spread before 4%");
        assertTrue(undecided.get(0).forksToDecide() < undecided.get(2).forksToDecide(), undecided.toString());
    }

    @Test
    void clearAndSharedCellsAreNotUndecided(@TempDir Path dir) throws Exception {
        Path file = write(dir, List.of(
                entry("a", 10, 100, 101, 99), entry("b", 10, 50, 51, 49),
                entry("a", 1_000, 100, 100.5, 99.5), entry("b", 1_000, 103, 103.5, 102.5)));
        assertEquals(List.of(), Reports.undecided(file, 0.05));
    }

    /** {@return each undecided point as model@C} */
    private static List<String> ids(List<Reports.Undecided> undecided) {
        return undecided.stream().map(u -> u.params().get("model") + "@" + u.params().get("concurrency")).toList();
    }

    private static Map<String, Object> entry(String model, int c, double... forkMeans) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("jmhVersion", "1.37");
        e.put("benchmark", SLEEP);
        e.put("mode", "thrpt");
        e.put("threads", 1);
        e.put("forks", forkMeans.length);
        e.put("jdkVersion", "25");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("concurrency", Integer.toString(c));
        params.put("cpuMicros", "0");
        params.put("ioMillis", "10");
        params.put("model", model);
        e.put("params", params);
        e.put("primaryMetric", metric(new double[] {100, 100, 100}, "ops/s"));
        e.put("secondaryMetrics", Map.of("completed", metric(forkMeans, "ops/s")));
        return e;
    }

    private static Map<String, Object> metric(double[] forkMeans, String unit) {
        double mean = 0;
        List<List<Double>> raw = new ArrayList<>();
        for (double x : forkMeans) {
            mean += x / forkMeans.length;
            raw.add(List.of(x));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("score", mean);
        m.put("scoreError", 1.0);
        m.put("scoreConfidence", List.of(mean - 1, mean + 1));
        m.put("scoreUnit", unit);
        m.put("rawData", raw);
        return m;
    }

    private static Path write(Path dir, List<Map<String, Object>> entries) throws Exception {
        Path file = dir.resolve("results.json");
        Files.writeString(file, new ObjectMapper().writeValueAsString(entries));
        return file;
    }
}
