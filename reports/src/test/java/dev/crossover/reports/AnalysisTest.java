package dev.crossover.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.reports.crossover.Cell;
import dev.crossover.reports.crossover.Claim;
import dev.crossover.reports.crossover.Claims;
import dev.crossover.reports.crossover.Crossovers;
import dev.crossover.reports.crossover.Ideal;
import dev.crossover.reports.crossover.Latency;
import dev.crossover.reports.crossover.Sidecar;
import dev.crossover.reports.crossover.Point;
import dev.crossover.reports.crossover.Points;
import dev.crossover.reports.crossover.RunFiles;
import dev.crossover.reports.crossover.TestPoints;
import dev.crossover.reports.crossover.Winners;
import dev.crossover.reports.jmh.JmhResult;
import dev.crossover.reports.jmh.Metric;
import dev.crossover.reports.jmh.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class AnalysisTest {
    private static final Source SOURCE = new Source(Path.of("results.json"), "run", Map.of("cores", "4"));

    /**
     * A Crossover point of three forks whose throughput means are score − spread, score and score +
     * spread; a NaN spread: one fork at score.
     */
    static Point point(String workload, String model, int c, double io, double cpu, double score, double spread) {
        return Double.isNaN(spread) ? TestPoints.point(workload, model, c, io, cpu, score)
                : TestPoints.point(workload, model, c, io, cpu, score - spread, score, score + spread);
    }

    /** A point of one fork (no interval over forks). */
    static Point single(String workload, String model, int c, double io, double cpu, double score) {
        return point(workload, model, c, io, cpu, score, Double.NaN);
    }

    @Test
    void idealFollowsTheBound() {
        assertEquals(200.0, Ideal.throughput(50, 0, 10, 0), 1e-9, "C / w when no CPU, cores not needed");
        assertEquals(Math.min(10 / 0.011, 2 / 0.001), Ideal.throughput(10, 1000, 10, 2), 1e-9);
        assertEquals(2000.0, Ideal.throughput(10, 1000, 1000, 2), 1e-9, "K / c caps it");
        assertTrue(Double.isNaN(Ideal.throughput(10, 1000, 10, 0)), "unknown cores: unknown bound");
        assertTrue(Double.isNaN(Ideal.throughput(0, 0, 10, 2)), "no work: no bound");
        assertEquals(0.5, Ideal.cpuShare(1, 1000), 1e-12);
    }

    @Test
    void pointReadsCompletedTasksNotBatchesAndComputesEfficiency() {
        Point p = point("sleep", "eventloop", 10, 50, 0, 150, 5);
        assertEquals("sleep", p.workload());
        assertEquals(150, p.throughput().score());
        assertEquals(0.75, p.efficiency(), 1e-12);
        assertEquals(0.0, p.cpuShare());
    }

    @Test
    void resultWithoutCompletedIsNotAPoint() {
        JmhResult r = new JmhResult(SOURCE, 0, CrossoverFixture.PKG + "SleepBenchmark.run", "thrpt", 1, 1, "",
                new TreeMap<>(CrossoverFixture.params("eventloop", 1, 1, 0)), Metric.of(1, 1, 1, "ops/s"), Map.of());
        assertTrue(Points.of(r, RunFiles.NONE).isEmpty());
    }

    @Test
    void onlyThroughputModeMakesPoints() {
        JmhResult avgt = new JmhResult(SOURCE, 0, CrossoverFixture.PKG + "SleepBenchmark.run", "avgt", 1, 1, "",
                new TreeMap<>(CrossoverFixture.params("eventloop", 1, 1, 0)), Metric.of(1, 1, 1, "s/op"),
                Map.of("completed", Metric.of(1, 1, 1, "ops/s")));
        assertTrue(Points.of(avgt, RunFiles.NONE).isEmpty());
    }

    @Test
    void severalMethodsOfOneWorkloadStayApart() {
        List<JmhResult> results = new ArrayList<>();
        for (String method : List.of("run", "baseline")) {
            results.add(new JmhResult(SOURCE, 0, CrossoverFixture.PKG + "SleepBenchmark." + method, "thrpt", 1, 1, "",
                    new TreeMap<>(CrossoverFixture.params("eventloop", 1, 1, 0)), Metric.of(1, 1, 1, "ops/s"),
                    Map.of("completed", Metric.of(10, 9, 11, "ops/s"))));
        }
        List<Point> points = Points.all(results, RunFiles.NONE);
        assertEquals(List.of("run", "baseline"), points.stream().map(p -> p.other().get("method")).toList());
        assertEquals(2, Winners.cells(points).size());
    }

    @Test
    void clearWinnerHasNoTie() {
        List<Cell> cells = Winners.cells(List.of(
                point("sleep", "threads-fixed", 100, 50, 0, 1000, 10),
                point("sleep", "threads-virtual", 100, 50, 0, 1900, 20),
                point("sleep", "eventloop", 100, 50, 0, 1500, 20)));
        assertEquals(1, cells.size());
        Cell cell = cells.get(0);
        assertEquals("threads-virtual", cell.winner());
        assertFalse(cell.isTie());
        assertEquals(1900 / 1500.0, cell.margin(), 1e-12);
        assertEquals(List.of("threads-virtual", "eventloop", "threads-fixed"), List.copyOf(cell.measured().keySet()));
    }

    @Test
    void modelsWithinTheMarginShareTheCellAndTheRestAreBeaten() {
        Cell cell = Winners.cells(List.of(
                point("sleep", "a", 10, 50, 0, 100, 0.5),
                point("sleep", "b", 10, 50, 0, 99, 0.5),
                point("sleep", "c", 10, 50, 0, 80, 0.5))).get(0);
        assertEquals("a", cell.winner(), "the leader");
        assertEquals(Cell.Outcome.EQUIVALENT, cell.outcome(), "b is within 1% of a, c 20% below");
        assertEquals(List.of("b"), cell.tied());
        assertEquals(List.of("a", "b"), cell.holders());
        assertTrue(cell.decided());
        assertTrue(cell.isTie(), "no one clear winner");
    }

    @Test
    void cellsSplitByEveryParamButModel() {
        List<Point> points = List.of(point("mixed", "a", 10, 10, 100, 100, 1), point("mixed", "b", 10, 10, 100, 90, 1),
                point("mixed", "a", 10, 10, 1000, 50, 1), point("mixed", "b", 100, 10, 1000, 60, 1));
        List<Cell> cells = Winners.cells(points);
        assertEquals(3, cells.size());
        Winners.Grid grid = Winners.grids(cells).get(0);
        assertEquals(List.of(100.0, 1000.0), grid.cpuMicros());
        assertEquals(List.of(10, 100), grid.concurrency());
        assertEquals("a", grid.at(100, 10).winner());
        assertEquals(null, grid.at(100, 100));
    }

    @Test
    void nanOrInfiniteScoreNeverWins() {
        Cell cell = Winners.cells(List.of(point("sleep", "a", 10, 50, 0, Double.NaN, Double.NaN),
                point("sleep", "b", 10, 50, 0, Double.POSITIVE_INFINITY, 1),
                point("sleep", "c", 10, 50, 0, 90, 5))).get(0);
        assertEquals("c", cell.winner());
        assertEquals(Cell.Outcome.ALONE, cell.outcome(), "the only model with a score: nothing to compare");
        assertEquals(List.of(), cell.holders(), "alone decides nothing");
        assertEquals(Map.of("a", "no result", "b", "no result"), cell.notes());
        assertEquals(List.of("c"), List.copyOf(cell.measured().keySet()));

        Cell none = Winners.cells(List.of(point("sleep", "a", 10, 50, 0, Double.NaN, 1))).get(0);
        assertEquals(null, none.winner());
        assertEquals(Cell.Outcome.NO_RESULT, none.outcome());
    }

    @Test
    void oneForkIsInconclusiveHoweverFarApart() {
        Cell cell = Winners.cells(List.of(single("sleep", "a", 10, 50, 0, 2000), single("sleep", "b", 10, 50, 0, 1000))).get(0);
        assertEquals("a", cell.winner(), "the leader is still named");
        assertEquals(Cell.Outcome.INCONCLUSIVE, cell.outcome(), "one fork: no interval over forks");
        assertEquals("inconclusive", cell.outcome().words());
        assertEquals(List.of("b"), cell.tied(), "the models it could not be told from");
        assertTrue(cell.isTie());
        assertFalse(cell.decided());
        assertEquals(List.of(), cell.holders());

        Cell half = Winners.cells(List.of(point("sleep", "a", 10, 50, 0, 1000, 10), single("sleep", "b", 10, 50, 0, 500))).get(0);
        assertEquals(Cell.Outcome.INCONCLUSIVE, half.outcome(), "one side with one fork is enough");
    }

    @Test
    void aWideIntervalStraddlingTheMarginIsInconclusiveButAFarLeadIsClear() {
        Cell wide = Winners.cells(List.of(point("sleep", "a", 10, 50, 0, 110, 20), point("sleep", "b", 10, 50, 0, 100, 1))).get(0);
        assertEquals(Cell.Outcome.INCONCLUSIVE, wide.outcome(), "a's forks 90, 110, 130: 10% ahead, but not by the margin");
        Cell clear = Winners.cells(List.of(point("sleep", "a", 10, 50, 0, 1000, 200), point("sleep", "b", 10, 50, 0, 90, 1))).get(0);
        assertEquals(Cell.Outcome.CLEAR, clear.outcome(), "forks 800, 1000, 1200 against 89, 90, 91");
        assertEquals(List.of("a"), clear.holders());
    }

    @Test
    void duplicatePointsInOneFileAreRejected() {
        JmhResult first = AnalysisTest.point("sleep", "a", 10, 50, 0, 100, 1).result();
        JmhResult second = new JmhResult(SOURCE, 3, first.benchmark(), "thrpt", 1, 1, "25", first.params(), first.primary(),
                Map.of("completed", Metric.of(50, 49, 51, "ops/s")));
        BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                () -> Points.all(List.of(first, second), RunFiles.NONE));
        assertEquals("results.json: duplicate result for dev.crossover.benchmarks.SleepBenchmark.run with concurrency=10, "
                + "cpuMicros=0, ioMillis=50, model=a at $[3] (first at $[0]; expected: each benchmark and params once per file)",
                e.getMessage());
        Point p = point("sleep", "a", 10, 50, 0, 100, 1);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Winners.cells(List.of(p, p)));
    }

}
