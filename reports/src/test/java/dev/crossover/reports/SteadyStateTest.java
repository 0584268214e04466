package dev.crossover.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.reports.crossover.Ceilings;
import dev.crossover.reports.crossover.Cell;
import dev.crossover.reports.crossover.Claim;
import dev.crossover.reports.crossover.Claims;
import dev.crossover.reports.crossover.LatencyLogs;
import dev.crossover.reports.crossover.LoadPoint;
import dev.crossover.reports.crossover.LoadPoints;
import dev.crossover.reports.crossover.Point;
import dev.crossover.reports.crossover.Points;
import dev.crossover.reports.crossover.RunFiles;
import dev.crossover.reports.crossover.Sidecar;
import dev.crossover.reports.crossover.SteadyState;
import dev.crossover.reports.crossover.TestPoints;
import dev.crossover.reports.crossover.Winners;
import dev.crossover.reports.jmh.JmhResult;
import dev.crossover.reports.jmh.Metric;
import dev.crossover.reports.jmh.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Method 2's analysis: dispatch ceilings and the points they bind, open-loop points and their SLO, both record shapes. */
@Timeout(30)
class SteadyStateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Source SOURCE = new Source(Path.of("results.json"), "run", Map.of("cores", "2"));

    @TempDir
    Path dir;

    private static Point point(String workload, String model, int c, double io, double score, double ceiling) {
        return AnalysisTest.point(workload, model, c, io, 0, score, 0.005 * score).withCeiling(ceiling);
    }

    @Test
    void aPointIsDispatchBoundOnlyAboveHalfAKnownCeiling() {
        assertTrue(point("sleep", "a", 10_000, 10, 1, 1.9e6).dispatchBound(), "ideal 1 M > 0.95 M");
        assertFalse(point("sleep", "a", 10_000, 10, 1, 2.0e6).dispatchBound(), "ideal 1 M = half of 2 M: not above");
        assertFalse(point("sleep", "a", 10_000, 10, 1, Double.NaN).dispatchBound(), "no ceiling, nothing marked");
        Point unknownIdeal = AnalysisTest.point("cpu", "a", 2, 0, 1000, 1, 0.1);
        Point noCores = new Point(unknownIdeal.result(), "cpu", "a", 2, 0, 1000, unknownIdeal.other(), unknownIdeal.throughput(),
                null, Double.NaN, null, null, 10);
        assertFalse(noCores.dispatchBound(), "unknown ideal, nothing marked");
        assertEquals("dispatch-bound: ideal 1,000,000 tasks/s > half its ceiling 1,900,000",
                point("sleep", "a", 10_000, 10, 1, 1.9e6).dispatchNote());
        assertEquals("", point("sleep", "a", 10_000, 10, 1, 2.0e6).dispatchNote());
    }

    @Test
    void dispatchBoundModelIsLeftOutOfTheCellEvenWhenItIsFastest() {
        Cell cell = Winners.cells(List.of(point("sleep", "virtual", 10_000, 10, 990_000, 1.6e6),
                point("sleep", "loop", 10_000, 10, 960_000, 4.8e6), point("sleep", "fixed", 10_000, 10, 19_400, 2.2e6))).get(0);
        assertEquals("loop", cell.winner());
        assertEquals(Cell.Outcome.CLEAR, cell.outcome());
        assertEquals(List.of("loop", "fixed"), List.copyOf(cell.measured().keySet()), "virtual not compared");
        assertEquals(960_000 / 19_400.0, cell.margin(), 1e-9);
        assertEquals(Map.of("virtual", "dispatch-bound: ideal 1,000,000 tasks/s > half its ceiling 1,600,000, left out"), cell.notes());

        Cell none = Winners.cells(List.of(point("sleep", "virtual", 30_000, 10, 2e6, 1.6e6),
                point("sleep", "loop", 30_000, 10, 2.9e6, 4.8e6))).get(0);
        assertNull(none.winner());
        assertEquals(Cell.Outcome.DISPATCH_BOUND, none.outcome());
        assertEquals(2, none.notes().size());

        Cell unmarked = Winners.cells(List.of(point("sleep", "virtual", 10_000, 10, 990_000, Double.NaN),
                point("sleep", "loop", 10_000, 10, 960_000, Double.NaN))).get(0);
        assertEquals("virtual", unmarked.winner(), "without ceilings the cell is decided as measured");
    }

    @Test
    void dispatchBoundPointNeverDecidesAClaimButIsStillChecked() {
        // threads-virtual at C = 10,000 is the best thread model, but dispatch-bound: the loop is judged against threads-fixed.
        List<Point> points = List.of(point("sleep", "eventloop", 10_000, 10, 970_000, 4.8e6),
                point("sleep", "threads-virtual", 10_000, 10, 990_000, 1.6e6),
                point("sleep", "threads-fixed", 10_000, 10, 19_400, 2.2e6));
        Claim judged = Claims.evaluate(points).get(0);
        assertEquals(Claim.Verdict.HOLDS, judged.verdict(), judged.evidence());
        assertTrue(judged.evidence().contains("eventloop 970,000/s vs threads-fixed 19,400/s"), judged.evidence());
        assertFalse(judged.evidence().contains("threads-virtual 990,000"), judged.evidence());

        List<Point> unmarked = points.stream().map(p -> p.withCeiling(Double.NaN)).toList();
        Claim asMeasured = Claims.evaluate(unmarked).get(0);
        assertEquals(Claim.Verdict.EQUIVALENT, asMeasured.verdict(), "the same numbers, no ceilings: 970,000 vs 990,000, 2% apart");

        Claim onlyBound = Claims.evaluate(List.of(point("http", "eventloop", 10_000, 10, 900_000, 1e6),
                point("http", "threads-virtual", 10_000, 10, 500_000, 1e6))).get(10);
        assertEquals(Claim.Verdict.NOT_MEASURED, onlyBound.verdict(), "measured, but by the harness: " + onlyBound.evidence());

        Point over = TestPoints.withMaxInFlight(point("sleep", "x", 10_000, 10, 900_000, 1e6), 10_001).withCeiling(1e6);
        assertTrue(over.dispatchBound());
        assertEquals(List.of("more than C tasks in flight: x sleep at C = 10000: 10001 (1 checked)"), Claims.checks(List.of(over)),
                "the in-flight limit is a property checked at every point, bound or not");
    }

    @Test
    void ceilingsAreEachModelsHighestNullRateAndSetApartFromThePoints() {
        List<JmhResult> results = List.of(result("NullBenchmark", CrossoverFixture.params("loop", 1, 0, 0), 3e6),
                result("NullBenchmark", CrossoverFixture.params("loop", 100, 0, 0), 4.8e6),
                result("NullBenchmark", CrossoverFixture.params("loop", 10_000, 0, 0), Double.NaN),
                result("SleepBenchmark", CrossoverFixture.params("loop", 10_000, 10, 0), 970_000),
                result("SleepBenchmark", CrossoverFixture.params("virtual", 10_000, 10, 0), 990_000));
        Points.Found found = Points.read(results, RunFiles.NONE);
        assertEquals(List.of("sleep", "sleep"), found.points().stream().map(Point::workload).toList(), "null is not a workload point");
        Ceilings c = found.ceilings();
        assertEquals(4.8e6, c.of("loop"), "highest over C; a NaN never counts");
        assertTrue(Double.isNaN(c.of("virtual")));
        assertEquals(4.8e6, found.points().get(0).ceiling());
        assertTrue(Double.isNaN(found.points().get(1).ceiling()), "a model without a ceiling is never marked");
        assertTrue(Points.read(results.subList(3, 5), RunFiles.NONE).ceilings().isEmpty());
        assertEquals(Points.all(results, RunFiles.NONE), found.points());
    }

    private static JmhResult result(String cls, Map<String, String> params, double completed) {
        return new JmhResult(SOURCE, 0, CrossoverFixture.PKG + cls + ".run", "thrpt", 1, 1, "25", new TreeMap<>(params),
                Metric.of(1, 1, 1, "ops/s"), Map.of("completed", Metric.of(completed, 0.99 * completed, 1.01 * completed, "ops/s")));
    }

    private LoadPoint load(String model, long rate, double p99, long rejected) throws Exception {
        Map<String, String> params = CrossoverFixture.openParams(model, "sleep", 10, 0, rate, 50);
        String benchmark = CrossoverFixture.PKG + "OpenLoopBenchmark.run";
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("benchmark", benchmark);
        record.put("params", params);
        record.put("maxInFlight", 40);
        record.put("cpuUnits", 0);
        record.put("cpuNanosPerTask", 0);
        record.put("startupMillis", 1.0);
        record.put("invocations", 3);
        record.put("mode", "open");
        if (p99 > 0) {
            record.put("latencyMicros", Map.of("p50", 10_000.0, "p90", 10_100.0, "p99", p99, "p999", p99, "max", p99));
        }
        record.put("rejected", rejected);
        record.put("methodVersion", 2);
        Path points = dir.resolve("points");
        Files.createDirectories(points);
        JSON.writeValue(points.resolve(CrossoverFixture.recordName(benchmark, params)).toFile(), record);
        RunFiles files = RunFiles.near(dir.resolve("results.json"));
        JmhResult r = new JmhResult(SOURCE, 0, benchmark, "thrpt", 1, 1, "25", new TreeMap<>(params), Metric.of(1, 1, 1, "ops/s"),
                Map.of("completed", Metric.of(rate, rate, rate, "ops/s")));
        return LoadPoints.of(r, files).orElseThrow();
    }

    @Test
    void aRateIsSustainedWithP99AtOrUnderTheSloAndNothingRejected() throws Exception {
        LoadPoint at = load("a", 1000, 20_000, 0);
        assertEquals(20_000, at.sloMicros());
        assertTrue(at.sustained(), "p99 exactly at the SLO");
        assertFalse(load("b", 2000, 20_001, 0).sustained());
        assertFalse(load("c", 3000, 12_000, 1).sustained(), "one arrival refused");
        assertFalse(load("d", 4000, 0, 0).sustained(), "no latency recorded");
        assertEquals(50, at.load());
        assertEquals(Map.of("maxInFlight", "100000"), at.other());
    }

    @Test
    void sloSentenceNamesEachModelsHighestSustainedRate() throws Exception {
        List<LoadPoint> ps = List.of(load("a", 1000, 11_000, 0), load("a", 5000, 19_000, 0), load("a", 9000, 40_000, 0),
                load("a", 7000, 25_000, 0), load("b", 1000, 30_000, 0), load("c", 1000, 0, 0));
        LoadPoint.Slice slice = ps.get(0).slice();
        assertEquals(1, LoadPoints.bySlice(ps).size());
        assertEquals("SLO: p99 from intended start at most twice the task's nominal time, 2 \u00d7 (10 ms + 0 \u00b5s) = 20 ms. "
                + "Highest offered rate sustained within it (and no arrival refused): a 5,000 tasks/s (50% of its capacity); "
                + "b none of the measured rates; c: no latency recorded.", LoadPoints.sloSentence(slice, ps, List.of("a", "b", "c", "d")));
        assertEquals("No SLO: the task's nominal time (0 ms + 0 \u00b5s) is 0.",
                LoadPoints.sloSentence(new LoadPoint.Slice("run", "null", 0, 0, new TreeMap<>()), ps, List.of("a")));
    }

    /** A record file as a run writes it; {@return its path} */
    private Path record(String name, Map<String, Object> fields) throws Exception {
        Path points = dir.resolve("points");
        Files.createDirectories(points);
        Path file = points.resolve(name + ".json");
        JSON.writeValue(file.toFile(), fields);
        return file;
    }

    private static Map<String, Object> base(String benchmark, Map<String, String> params) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("benchmark", benchmark);
        r.put("params", params);
        r.put("maxInFlight", 10);
        r.put("cpuUnits", 0);
        r.put("cpuNanosPerTask", 0);
        r.put("startupMillis", 2.0);
        r.put("invocations", 30);
        return r;
    }

    @Test
    void oldRecordsAreStillReadAndNewOnesGiveTheirSteadyStateFields() throws Exception {
        Map<String, String> oldParams = CrossoverFixture.params("a", 1000, 10, 0);
        Map<String, Object> old = base(CrossoverFixture.PKG + "SleepBenchmark.run", oldParams);
        old.put("batchTasks", 500);
        old.put("concurrency", 1000);
        old.put("reachedConcurrency", false);
        record("old", old);
        Sidecar o = RunFiles.near(dir.resolve("results.json")).points()
                .get(new LatencyLogs.Key(CrossoverFixture.PKG + "SleepBenchmark.run", new TreeMap<>(oldParams)));
        assertTrue(o.hasBatches());
        assertEquals("did not reach C: ran 500 tasks per batch", o.shortfall());
        assertEquals(SteadyState.NONE, o.steady());
        assertEquals(1, RunFiles.near(dir.resolve("results.json")).methodVersions().get(0).version());
        assertTrue(RunFiles.near(dir.resolve("results.json")).methodVersions().get(0).implied());
        Files.delete(dir.resolve("points/old.json"));

        Map<String, String> params = CrossoverFixture.params("a", 100, 10, 0);
        Map<String, Object> now = base(CrossoverFixture.PKG + "SleepBenchmark.run", params);
        now.put("concurrency", 100);
        now.put("mode", "closed");
        now.put("latencyMicros", Map.of("p50", 10_100, "p90", 10_200, "p99", 10_900, "p999", 11_500, "max", 12_000));
        now.put("serviceMicros", Map.of("p50", 10_050, "p90", 10_150, "p99", 10_800, "p999", 11_000, "max", 11_900));
        now.put("latenessMicros", Map.of("p50", 600, "p99", 1000, "max", 1100, "count", 12_345));
        now.put("verification", Map.of("method", "sample", "checked", 4096, "passed", true));
        now.put("methodVersion", 2);
        record("now", now);
        Map<String, String> openParams = CrossoverFixture.openParams("a", "sleep", 10, 0, 5000, 50);
        Map<String, Object> open = base(CrossoverFixture.PKG + "OpenLoopBenchmark.run", openParams);
        open.put("mode", "open");
        open.put("lagMicros", Map.of("p99", 35, "max", 90));
        open.put("offeredRate", 5000.0);
        open.put("achievedRate", 4990.5);
        open.put("rejected", 0);
        open.put("methodVersion", 2);
        record("open", open);

        RunFiles files = RunFiles.near(dir.resolve("results.json"));
        Sidecar s = files.points().get(new LatencyLogs.Key(CrossoverFixture.PKG + "SleepBenchmark.run", new TreeMap<>(params)));
        assertFalse(s.hasBatches());
        assertEquals("", s.shortfall(), "no batches: nothing to fall short of");
        assertEquals(100, s.concurrency());
        SteadyState st = s.steady();
        assertEquals("closed", st.mode());
        assertEquals(10_900, st.latency().p99());
        assertEquals(-1, st.latency().count());
        assertEquals(10_800, st.service().p99());
        assertEquals(new SteadyState.Lateness(600, 1000, 1100, 12_345), st.lateness());
        assertEquals(new SteadyState.Verification("sample", 4096, true), st.verification());
        assertNull(st.open());
        assertEquals(2, st.methodVersion());
        Sidecar so = files.points().get(new LatencyLogs.Key(CrossoverFixture.PKG + "OpenLoopBenchmark.run", new TreeMap<>(openParams)));
        assertEquals(0, so.concurrency(), "an open loop has no C");
        assertEquals(new SteadyState.OpenLoop(35, 90, 5000, 4990.5, 0), so.steady().open());
        assertNull(so.steady().latency());
        assertEquals(1, files.methodVersions().size(), "both state 2");
        assertEquals(2, files.methodVersions().get(0).version());

        Point p = Points.of(new JmhResult(SOURCE, 0, CrossoverFixture.PKG + "SleepBenchmark.run", "thrpt", 1, 1, "25",
                new TreeMap<>(params), Metric.of(1, 1, 1, "ops/s"), Map.of("completed", Metric.of(9000, 8900, 9100, "ops/s"))), files)
                .orElseThrow();
        assertEquals(10_900, p.latency().p99(), "without a latency log, the record's latency from intended start");
    }

    @Test
    void aRecordsForksGiveEachForksCpuAndP99() throws Exception {
        Map<String, String> params = CrossoverFixture.openParams("a", "sleep", 10, 0, 5000, 0);
        Map<String, Object> open = base(CrossoverFixture.PKG + "OpenLoopBenchmark.run", params);
        open.put("mode", "open");
        open.put("methodVersion", 2);
        open.put("forks", List.of(
                Map.of("cpuNanosPerTaskMeasured", 20_000, "latencyP99Micros", 11_000.0, "serviceP99Micros", 10_500.0),
                Map.of("cpuNanosPerTaskMeasured", 21_000, "latencyP99Micros", 11_500.0, "serviceP99Micros", 10_600.0),
                Map.of("cpuNanosPerTaskMeasured", 19_000, "latencyP99Micros", 10_900.0, "serviceP99Micros", 10_400.0)));
        record("forks", open);
        Map<String, String> partialParams = CrossoverFixture.openParams("b", "sleep", 10, 0, 5000, 0);
        Map<String, Object> partial = base(CrossoverFixture.PKG + "OpenLoopBenchmark.run", partialParams);
        partial.put("mode", "open");
        partial.put("methodVersion", 2);
        partial.put("forks", List.of(Map.of("latencyP99Micros", 11_000.0), Map.of("cpuNanosPerTaskMeasured", 21_000)));
        record("partial", partial);

        RunFiles files = RunFiles.near(dir.resolve("results.json"));
        Sidecar s = files.points().get(new LatencyLogs.Key(CrossoverFixture.PKG + "OpenLoopBenchmark.run", new TreeMap<>(params)));
        assertEquals(List.of(new Sidecar.Fork(20_000, 11_000, 10_500), new Sidecar.Fork(21_000, 11_500, 10_600),
                new Sidecar.Fork(19_000, 10_900, 10_400)), s.forks(), "in the order the forks ran");
        assertEquals(List.of(20.0, 21.0, 19.0), s.forkCpuMicros());
        assertEquals(List.of(11_000.0, 11_500.0, 10_900.0), s.forkLatencyP99());

        Sidecar p = files.points().get(new LatencyLogs.Key(CrossoverFixture.PKG + "OpenLoopBenchmark.run", new TreeMap<>(partialParams)));
        assertEquals(List.of(new Sidecar.Fork(-1, 11_000, Double.NaN), new Sidecar.Fork(21_000, Double.NaN, Double.NaN)), p.forks());
        assertEquals(List.of(), p.forkCpuMicros(), "a fork without CPU: no per-fork CPU at all");
        assertEquals(List.of(), p.forkLatencyP99(), "a fork without p99: none");

        Map<String, Object> bad = base(CrossoverFixture.PKG + "OpenLoopBenchmark.run", CrossoverFixture.openParams("c", "sleep", 10, 0, 5000, 0));
        bad.put("mode", "open");
        bad.put("methodVersion", 2);
        bad.put("forks", Map.of("cpuNanosPerTaskMeasured", 1));
        Path file = record("bad", bad);
        BadInputException e = assertThrows(BadInputException.class, () -> RunFiles.near(dir.resolve("results.json")));
        assertTrue(e.getMessage().startsWith(file.toAbsolutePath() + ": "), e.getMessage());
        assertTrue(e.getMessage().endsWith("at $.forks"), e.getMessage());
    }

    @Test
    void aClosedRecordWithoutConcurrencyIsBadInput() throws Exception {
        Map<String, Object> r = base(CrossoverFixture.PKG + "SleepBenchmark.run", CrossoverFixture.params("a", 100, 10, 0));
        r.put("mode", "closed");
        Path file = record("closed", r);
        BadInputException e = assertThrows(BadInputException.class, () -> RunFiles.near(dir.resolve("results.json")));
        assertEquals(file.toAbsolutePath() + ": missing \"concurrency\" at $", e.getMessage());
    }
}
