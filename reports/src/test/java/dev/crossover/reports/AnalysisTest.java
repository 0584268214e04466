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

    /** A Crossover point with throughput {@code score} and interval score ± error. */
    static Point point(String workload, String model, int c, double io, double cpu, double score, double error) {
        TreeMap<String, String> params = new TreeMap<>(CrossoverFixture.params(model, c, io, cpu));
        Metric completed = Metric.of(score, score - error, score + error, "ops/s");
        JmhResult r = new JmhResult(SOURCE, 0, CrossoverFixture.PKG + Character.toUpperCase(workload.charAt(0))
                + workload.substring(1) + "Benchmark.run", "thrpt", 1, 1, "25", params,
                Metric.of(1, 1, 1, "ops/s"), Map.of("completed", completed));
        return Points.of(r, RunFiles.NONE).orElseThrow();
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
    void overlappingIntervalsAreATie() {
        Cell cell = Winners.cells(List.of(
                point("sleep", "a", 10, 50, 0, 100, 6),
                point("sleep", "b", 10, 50, 0, 90, 5),
                point("sleep", "c", 10, 50, 0, 80, 5))).get(0);
        assertEquals("a", cell.winner());
        assertEquals(List.of("b"), cell.tied(), "b's [85, 95] meets a's [94, 106]; c's [75, 85] does not");
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
    void crossoverIsInterpolatedBetweenAdjacentPointsWhereTheOrderFlips() {
        List<Point> points = List.of(
                point("sleep", "threads-fixed", 10, 50, 0, 150, 1), point("sleep", "threads-virtual", 10, 50, 0, 100, 1),
                point("sleep", "threads-fixed", 100, 50, 0, 150, 1), point("sleep", "threads-virtual", 100, 50, 0, 200, 1),
                point("sleep", "threads-fixed", 1000, 50, 0, 150, 1), point("sleep", "threads-virtual", 1000, 50, 0, 900, 1));
        List<Crossovers.Crossover> flips = Crossovers.find(points);
        assertEquals(1, flips.size());
        Crossovers.Crossover flip = flips.get(0);
        // ln(100/150) = -0.405, ln(200/150) = 0.288: t = 0.585, C = 10^1.585 = 38.5
        assertEquals(38.5, flip.atC(), 0.1);
        assertEquals("threads-virtual overtakes threads-fixed at C \u2248 38 (between C = 10 and C = 100)", flip.sentence());
        assertTrue(flip.clear());
    }

    @Test
    void flipWithinTheNoiseIsSaidSo() {
        List<Point> points = List.of(
                point("sleep", "a", 10, 50, 0, 100, 10), point("sleep", "b", 10, 50, 0, 101, 10),
                point("sleep", "a", 100, 50, 0, 300, 1), point("sleep", "b", 100, 50, 0, 200, 1));
        Crossovers.Crossover flip = Crossovers.find(points).get(0);
        assertEquals("a", flip.leader());
        assertFalse(flip.clear());
        assertTrue(flip.sentence().endsWith("within the noise"), flip.sentence());
    }

    @Test
    void noFlipNoCrossover() {
        List<Point> points = new ArrayList<>();
        for (int c : new int[] {1, 10, 100}) {
            points.add(point("cpu", "a", c, 0, 100, 10.0 * c, 1));
            points.add(point("cpu", "b", c, 0, 100, 5.0 * c, 1));
        }
        assertTrue(Crossovers.find(points).isEmpty());
    }

    @Test
    void claimsGetVerdictsFromTheData() {
        List<Point> points = List.of(
                point("sleep", "eventloop", 1, 2000, 0, 0.49, 0.01), point("sleep", "eventloop", 3, 2000, 0, 1.47, 0.02),
                point("cpu", "threads-fixed", 4, 0, 1000, 3800, 40), point("cpu", "processes", 4, 0, 1000, 3200, 40),
                point("mixed", "eventloop", 100, 10, 1000, 1000, 10), point("mixed", "eventloop-offload", 100, 10, 1000, 3000, 30));
        List<Claim> claims = Claims.evaluate(points);
        assertEquals(8, claims.size());
        assertEquals(Claim.Verdict.HOLDS, claims.get(0).verdict(), claims.get(0).evidence());
        assertTrue(claims.get(0).evidence().contains("\u00d73.00"), claims.get(0).evidence());
        assertEquals(Claim.Verdict.NOT_MEASURED, claims.get(1).verdict(), "no eventloop point at C >= 1000");
        assertEquals(Claim.Verdict.DOES_NOT_HOLD, claims.get(2).verdict(), "threads beat processes on the JVM");
        assertTrue(claims.get(2).evidence().contains("threads-fixed 3,800"), claims.get(2).evidence());
        assertEquals(Claim.Verdict.NOT_MEASURED, claims.get(3).verdict());
        assertEquals(Claim.Verdict.HOLDS, claims.get(4).verdict(), claims.get(4).evidence());
        assertEquals(Claim.Verdict.NOT_MEASURED, claims.get(5).verdict(), "no http workload");
        assertEquals(Claim.Verdict.NOT_MEASURED, claims.get(6).verdict());
        assertEquals(Claim.Verdict.NOT_MEASURED, claims.get(7).verdict());
    }

    /** A point with no interval (one iteration, NaN error). */
    static Point single(String workload, String model, int c, double io, double cpu, double score) {
        return point(workload, model, c, io, cpu, score, Double.NaN);
    }

    /** The point with a run record (points/*.json) and, when {@code p99Micros} > 0, latency. */
    static Point recorded(Point p, int maxInFlight, boolean reached, double p99Micros) {
        Sidecar s = new Sidecar(p.result().benchmark(), p.result().params(), reached ? 10 * p.concurrency() : 2,
                p.concurrency(), reached, maxInFlight, 0, 0, 5.0, 10);
        Latency l = p99Micros > 0 ? new Latency(100, p99Micros / 2, p99Micros / 1.5, p99Micros, p99Micros, p99Micros) : null;
        return new Point(p.result(), p.workload(), p.model(), p.concurrency(), p.ioMillis(), p.cpuMicros(), p.other(),
                p.throughput(), p.failed(), p.ideal(), l, s);
    }

    @Test
    void nanOrInfiniteScoreNeverWins() {
        Cell cell = Winners.cells(List.of(point("sleep", "a", 10, 50, 0, Double.NaN, Double.NaN),
                point("sleep", "b", 10, 50, 0, Double.POSITIVE_INFINITY, 1),
                point("sleep", "c", 10, 50, 0, 90, 5))).get(0);
        assertEquals("c", cell.winner());
        assertEquals(Cell.Outcome.CLEAR, cell.outcome());
        assertEquals(Map.of("a", "no result", "b", "no result"), cell.notes());
        assertEquals(List.of("c"), List.copyOf(cell.measured().keySet()));

        Cell none = Winners.cells(List.of(point("sleep", "a", 10, 50, 0, Double.NaN, 1))).get(0);
        assertEquals(null, none.winner());
        assertEquals(Cell.Outcome.NO_RESULT, none.outcome());
    }

    @Test
    void unknownIntervalsAreUndecidableNotExact() {
        Cell cell = Winners.cells(List.of(single("sleep", "a", 10, 50, 0, 1001), single("sleep", "b", 10, 50, 0, 1000))).get(0);
        assertEquals("a", cell.winner());
        assertEquals(Cell.Outcome.NO_INTERVAL, cell.outcome(), "0.1% apart without intervals: no clear win");
        assertEquals("inconclusive (no interval)", cell.outcome().words());
        assertEquals(List.of("b"), cell.tied());
        assertTrue(cell.isTie());

        Cell half = Winners.cells(List.of(point("sleep", "a", 10, 50, 0, 1000, 10), single("sleep", "b", 10, 50, 0, 500))).get(0);
        assertEquals(Cell.Outcome.NO_INTERVAL, half.outcome(), "one side unknown is enough");
        assertFalse(Crossovers.find(List.of(single("sleep", "a", 10, 50, 0, 100), single("sleep", "b", 10, 50, 0, 101),
                single("sleep", "a", 100, 50, 0, 300), single("sleep", "b", 100, 50, 0, 200))).get(0).clear());
    }

    @Test
    void intervalWiderThanTheScoreIsInconclusiveNotATie() {
        Cell wide = Winners.cells(List.of(point("sleep", "a", 10, 50, 0, 100, 60), point("sleep", "b", 10, 50, 0, 90, 5))).get(0);
        assertEquals(Cell.Outcome.WIDE, wide.outcome(), "a's [40, 160] is wider than 100");
        Cell tie = Winners.cells(List.of(point("sleep", "a", 10, 50, 0, 100, 6), point("sleep", "b", 10, 50, 0, 95, 5))).get(0);
        assertEquals(Cell.Outcome.TIE, tie.outcome());
        Cell clear = Winners.cells(List.of(point("sleep", "a", 10, 50, 0, 1000, 600), point("sleep", "b", 10, 50, 0, 90, 5))).get(0);
        assertEquals(Cell.Outcome.CLEAR, clear.outcome(), "wide but clear of the rest: [400, 1600] vs [85, 95]");
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
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Crossovers.find(List.of(p, p)));
    }

    @Test
    void processesClaimComparesLikeWithLikeAndListsTheRestAsContext() {
        List<Point> points = List.of(point("cpu", "threads-virtual", 4, 0, 1000, 3900, 10),
                point("cpu", "threads-forkjoin", 4, 0, 1000, 3000, 10), point("cpu", "processes", 4, 0, 1000, 3500, 10));
        Claim c = Claims.evaluate(points).get(2);
        assertEquals(Claim.Verdict.HOLDS, c.verdict(), "processes beat threads-forkjoin, both sized to the cores");
        assertTrue(c.evidence().contains("processes 3,500 [3,490, 3,510] vs threads-forkjoin 3,000 [2,990, 3,010]"), c.evidence());
        assertTrue(c.evidence().contains("context, not judged: threads-virtual 3,900"), c.evidence());
    }

    @Test
    void overlappingOrUnknownIntervalsMakeClaimsInconclusiveBothWays() {
        Claim overlap = Claims.evaluate(List.of(point("cpu", "threads-forkjoin", 4, 0, 1000, 3000, 100),
                point("cpu", "processes", 4, 0, 1000, 3050, 100))).get(2);
        assertEquals(Claim.Verdict.INCONCLUSIVE, overlap.verdict(), overlap.evidence());
        Claim reversed = Claims.evaluate(List.of(point("cpu", "threads-forkjoin", 4, 0, 1000, 3050, 100),
                point("cpu", "processes", 4, 0, 1000, 3000, 100))).get(2);
        assertEquals(Claim.Verdict.INCONCLUSIVE, reversed.verdict(), "overlap is no evidence for either side");
        Claim unknown = Claims.evaluate(List.of(single("cpu", "threads-forkjoin", 4, 0, 1000, 3000),
                single("cpu", "processes", 4, 0, 1000, 1000))).get(2);
        assertEquals(Claim.Verdict.INCONCLUSIVE, unknown.verdict(), unknown.evidence());
        Claim blocking = Claims.evaluate(List.of(point("mixed", "eventloop", 100, 10, 1000, 1000, 100),
                point("mixed", "eventloop-offload", 100, 10, 1000, 1050, 100))).get(4);
        assertEquals(Claim.Verdict.INCONCLUSIVE, blocking.verdict(), blocking.evidence());
        Claim noInterval = Claims.evaluate(List.of(single("mixed", "eventloop", 100, 10, 1000, 1000),
                single("mixed", "eventloop-offload", 100, 10, 1000, 3000))).get(4);
        assertEquals(Claim.Verdict.INCONCLUSIVE, noInterval.verdict(), noInterval.evidence());
    }

    @Test
    void blockingCallIsJudgedOnThroughputAndTheP99Tail() {
        Point loop = point("mixed", "eventloop", 100, 10, 1000, 1000, 10);
        Point offload = point("mixed", "eventloop-offload", 100, 10, 1000, 3000, 30);
        Claim both = Claims.evaluate(List.of(recorded(loop, 100, true, 90_000), recorded(offload, 100, true, 12_000))).get(4);
        assertEquals(Claim.Verdict.HOLDS, both.verdict(), both.evidence());
        assertTrue(both.evidence().contains("p99 latency eventloop 90,000 \u00b5s vs eventloop-offload 12,000 \u00b5s"), both.evidence());
        Claim tailNotWorse = Claims.evaluate(List.of(recorded(loop, 100, true, 12_000), recorded(offload, 100, true, 12_000))).get(4);
        assertEquals(Claim.Verdict.INCONCLUSIVE, tailNotWorse.verdict(), "throughput says yes, the tail says no");
        Claim neither = Claims.evaluate(List.of(recorded(point("mixed", "eventloop", 100, 10, 1000, 3000, 30), 100, true, 12_000),
                recorded(point("mixed", "eventloop-offload", 100, 10, 1000, 1000, 10), 100, true, 12_000))).get(4);
        assertEquals(Claim.Verdict.DOES_NOT_HOLD, neither.verdict(), neither.evidence());
    }

    @Test
    void gatherIsJudgedPerModelOnTheLoopsAndVirtualThreadsWithCappedModelsAsContext() {
        List<Point> points = new ArrayList<>();
        for (String model : List.of("eventloop", "netty", "threads-virtual")) {
            points.add(point("sleep", model, 1, 2000, 0, 0.5, 0.005));
            points.add(point("sleep", model, 3, 2000, 0, 1.5, 0.015));
        }
        points.add(point("sleep", "processes", 1, 2000, 0, 0.5, 0.005));
        points.add(point("sleep", "processes", 3, 2000, 0, 1.0, 0.01));
        Claim c = Claims.evaluate(points).get(0);
        assertEquals(Claim.Verdict.HOLDS, c.verdict(), "processes' 2 workers do not count against the claim");
        assertTrue(c.evidence().contains("context, not judged: processes \u00d72.00"), c.evidence());
        assertTrue(c.evidence().contains("capped by its configuration"), c.evidence());

        points.set(3, point("sleep", "netty", 3, 2000, 0, 0.75, 0.01));
        Claim missed = Claims.evaluate(points).get(0);
        assertEquals(Claim.Verdict.DOES_NOT_HOLD, missed.verdict(), missed.evidence());
        assertTrue(missed.evidence().contains("netty \u00d71.50"), missed.evidence());

        Claim onlyCapped = Claims.evaluate(points.subList(6, 8)).get(0);
        assertEquals(Claim.Verdict.NOT_MEASURED, onlyCapped.verdict(), onlyCapped.evidence());
    }

    @Test
    void semaphoresClaimChecksEveryRecordedPoint() {
        Point ok = recorded(point("sleep", "a", 10, 50, 0, 100, 1), 10, true, 0);
        Point over = recorded(point("sleep", "b", 10, 50, 0, 100, 1), 11, true, 0);
        Point unrecorded = point("sleep", "c", 10, 50, 0, 100, 1);
        Claim holds = Claims.evaluate(List.of(ok, unrecorded)).get(7);
        assertEquals(Claim.Verdict.HOLDS, holds.verdict());
        assertEquals("max in-flight \u2264 C at every point; checked 1 of 2 points", holds.evidence());
        Claim fails = Claims.evaluate(List.of(ok, over)).get(7);
        assertEquals(Claim.Verdict.DOES_NOT_HOLD, fails.verdict());
        assertTrue(fails.evidence().startsWith("exceeded C: b sleep at C = 10: 11"), fails.evidence());
        assertEquals(Claim.Verdict.NOT_MEASURED, Claims.evaluate(List.of(unrecorded)).get(7).verdict());
    }

    @Test
    void processesClaimHoldsWhenProcessesClearlyWin() {
        List<Point> points = List.of(point("cpu", "threads-fixed", 4, 0, 1000, 1000, 10),
                point("cpu", "processes", 4, 0, 1000, 3000, 10));
        assertEquals(Claim.Verdict.HOLDS, Claims.evaluate(points).get(2).verdict());
    }

    @Test
    void manyWaitsClaimSaysWhatWasMeasuredAndThatCpuTimeWasNot() {
        Claim kept = Claims.evaluate(List.of(point("sleep", "eventloop", 1000, 50, 0, 19000, 100))).get(1);
        assertEquals(Claim.Verdict.INCONCLUSIVE, kept.verdict(), "efficiency holds, CPU time per task unmeasured");
        assertTrue(kept.evidence().contains("measured: efficiency at high C"), kept.evidence());
        assertTrue(kept.evidence().contains("this half holds"), kept.evidence());
        assertTrue(kept.evidence().contains("not measured: CPU time per task"), kept.evidence());
        Claim lost = Claims.evaluate(List.of(point("sleep", "eventloop", 1000, 50, 0, 5000, 100))).get(1);
        assertEquals(Claim.Verdict.DOES_NOT_HOLD, lost.verdict(), lost.evidence());
    }

    /** The point with a run record carrying {@code cpuNanosPerTask} measured CPU time per task. */
    static Point measured(Point p, long cpuNanosPerTask) {
        Sidecar s = new Sidecar(p.result().benchmark(), p.result().params(), 10 * p.concurrency(), p.concurrency(), true,
                p.concurrency(), 0, 0, 5.0, 10, cpuNanosPerTask, cpuNanosPerTask * 100.0 * p.concurrency() / 1e9);
        return new Point(p.result(), p.workload(), p.model(), p.concurrency(), p.ioMillis(), p.cpuMicros(), p.other(),
                p.throughput(), p.failed(), p.ideal(), p.latency(), s);
    }

    @Test
    void manyWaitsClaimJudgesTheLoopsMeasuredCpuAgainstTheWait() {
        Point loop = point("sleep", "eventloop", 1000, 50, 0, 19000, 100);
        Point netty = point("sleep", "netty", 1000, 50, 0, 19500, 100);
        Point virtual = point("sleep", "threads-virtual", 1000, 50, 0, 19000, 100);
        Point perTask = point("sleep", "threads-per-task", 1000, 50, 0, 18000, 100);
        Claim little = Claims.evaluate(List.of(measured(loop, 40_000), measured(netty, 60_000), measured(virtual, 50_000),
                measured(perTask, 90_000))).get(1);
        assertEquals(Claim.Verdict.HOLDS, little.verdict(), little.evidence());
        assertTrue(little.evidence().contains("eventloop sleep at C = 1000, wait 50 ms: 40 \u00b5s/task = 0.08% of the wait "
                + "(beside threads-virtual 50 \u00b5s (0.1%), threads-per-task 90 \u00b5s (0.18%))"), little.evidence());
        assertTrue(little.evidence().contains("netty sleep at C = 1000, wait 50 ms: 60 \u00b5s/task = 0.12% of the wait"),
                little.evidence());

        Claim much = Claims.evaluate(List.of(measured(loop, 3_000_000), measured(netty, 60_000))).get(1);
        assertEquals(Claim.Verdict.INCONCLUSIVE, much.verdict(), "an upper bound cannot refute: " + much.evidence());
        assertTrue(much.evidence().contains("3,000 \u00b5s/task = 6% of the wait"), much.evidence());
        assertTrue(much.evidence().endsWith("which does not show that the loop itself spends that much"), much.evidence());

        Claim half = Claims.evaluate(List.of(measured(loop, 40_000), netty)).get(1);
        assertEquals(Claim.Verdict.INCONCLUSIVE, half.verdict(), "netty's CPU was not measured: " + half.evidence());
        assertTrue(half.evidence().endsWith("CPU per task not measured for every loop model"), half.evidence());
    }
}
