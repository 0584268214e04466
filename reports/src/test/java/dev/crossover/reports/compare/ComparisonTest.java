package dev.crossover.reports.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.reports.BadInputException;
import dev.crossover.reports.jmh.JmhResult;
import dev.crossover.reports.jmh.Metric;
import dev.crossover.reports.jmh.Source;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(30)
class ComparisonTest {
    private static final Source BASE = new Source(Path.of("base.json"), "base", Map.of());
    private static final Source CURRENT = new Source(Path.of("current.json"), "current", Map.of());
    private static final String SLEEP = "dev.crossover.benchmarks.SleepBenchmark.run";

    /** A Crossover-shaped thrpt entry: completed = score ± error tasks/s, a meaningless primary metric. */
    static JmhResult crossover(Source source, int c, double score, double error) {
        return entry(source, SLEEP, "thrpt", params(c), Metric.of(1, 1, 1, "ops/s"),
                Map.of("completed", Metric.of(score, score - error, score + error, "ops/s")));
    }

    static JmhResult entry(Source source, String benchmark, String mode, Map<String, String> params, Metric primary,
                           Map<String, Metric> secondary) {
        return new JmhResult(source, 0, benchmark, mode, 1, 1, "25", new TreeMap<>(params), primary, secondary);
    }

    static Map<String, String> params(int c) {
        return Map.of("concurrency", Integer.toString(c), "model", "eventloop", "ioMillis", "50");
    }

    private static Change only(JmhResult base, JmhResult current) {
        Comparison c = Comparison.of(List.of(base), List.of(current), Options.DEFAULT);
        assertEquals(1, c.changes().size(), c.changes().toString());
        return c.changes().get(0);
    }

    @Test
    void slowerBeyondThresholdAndNoiseRegresses() {
        Change c = only(crossover(BASE, 100, 1000, 20), crossover(CURRENT, 100, 800, 16));
        assertEquals(Verdict.REGRESSED, c.verdict());
        assertEquals("completed", c.metric());
        assertEquals(-0.20, c.change(), 1e-12);
        assertEquals(0.20, c.worsening(), 1e-12);
        assertEquals(Basis.INTERVALS, c.significance().basis());
        assertEquals("", c.note());
    }

    @Test
    void fasterBeyondThresholdAndNoiseImproves() {
        Change c = only(crossover(BASE, 100, 1000, 20), crossover(CURRENT, 100, 1200, 24));
        assertEquals(Verdict.IMPROVED, c.verdict());
        assertEquals(0.20, c.change(), 1e-12);
    }

    @Test
    void largeChangeWithOverlappingIntervalsIsNoise() {
        // -15% is three times the threshold, but [800, 1200] and [700, 1000] overlap.
        Change c = only(crossover(BASE, 100, 1000, 200), crossover(CURRENT, 100, 850, 150));
        assertEquals(Verdict.UNCHANGED, c.verdict());
        assertEquals(-0.15, c.change(), 1e-12);
        assertFalse(c.significance().significant());
        assertEquals("within noise: 99.9% confidence intervals overlap", c.note());
    }

    @Test
    void clearButSmallChangeIsWithinThreshold() {
        // -3%, intervals far apart: real, but below the 5% threshold.
        Change c = only(crossover(BASE, 100, 1000, 1), crossover(CURRENT, 100, 970, 1));
        assertEquals(Verdict.UNCHANGED, c.verdict());
        assertTrue(c.significance().significant());
        assertEquals("", c.note());
        Change strict = Comparison.of(List.of(crossover(BASE, 100, 1000, 1)), List.of(crossover(CURRENT, 100, 970, 1)),
                new Options(0.02, new MetricChoice.Auto())).changes().get(0);
        assertEquals(Verdict.REGRESSED, strict.verdict(), "the same change beyond a 2% threshold");
    }

    @Test
    void pointsInOneRunOnlyAreMissingOrNewAndMissingFailsOnlyWhenAsked() {
        Comparison c = Comparison.of(
                List.of(crossover(BASE, 10, 200, 4), crossover(BASE, 100, 2000, 40)),
                List.of(crossover(CURRENT, 100, 2000, 40), crossover(CURRENT, 1000, 19000, 400)), Options.DEFAULT);
        assertEquals(List.of(Verdict.MISSING, Verdict.UNCHANGED, Verdict.NEW), c.changes().stream().map(Change::verdict).toList());
        assertEquals("10", c.changes().get(0).key().params().get("concurrency"));
        assertEquals(null, c.changes().get(0).current());
        assertEquals(null, c.changes().get(2).baseline());
        assertEquals("0 regressed, 0 improved, 1 unchanged, 1 missing, 1 new", c.summary());
        assertFalse(c.fails(false));
        assertTrue(c.fails(true));
    }

    @Test
    void everyParamIsPartOfThePoint() {
        Map<String, String> other = new TreeMap<>(params(100));
        other.put("ioMillis", "10");
        JmhResult moved = entry(CURRENT, SLEEP, "thrpt", other, Metric.of(1, 1, 1, "ops/s"),
                Map.of("completed", Metric.of(1000, 990, 1010, "ops/s")));
        Comparison c = Comparison.of(List.of(crossover(BASE, 100, 1000, 10)), List.of(moved), Options.DEFAULT);
        assertEquals(List.of(Verdict.MISSING, Verdict.NEW), c.changes().stream().map(Change::verdict).toList());
    }

    @Test
    void modeIsPartOfThePoint() {
        JmhResult thrpt = entry(BASE, "a.B.c", "thrpt", Map.of(), Metric.of(10, 9, 11, "ops/s"), Map.of());
        JmhResult avgt = entry(CURRENT, "a.B.c", "avgt", Map.of(), Metric.of(10, 9, 11, "s/op"), Map.of());
        Comparison c = Comparison.of(List.of(thrpt), List.of(avgt), Options.DEFAULT);
        assertEquals(List.of(Verdict.MISSING, Verdict.NEW), c.changes().stream().map(Change::verdict).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"avgt", "sample", "ss"})
    void timePerOperationModesRegressWhenHigher(String mode) {
        JmhResult base = entry(BASE, "a.B.c", mode, Map.of(), Metric.of(10, 9.9, 10.1, "ns/op"), Map.of());
        JmhResult slower = entry(CURRENT, "a.B.c", mode, Map.of(), Metric.of(12, 11.9, 12.1, "ns/op"), Map.of());
        JmhResult faster = entry(CURRENT, "a.B.c", mode, Map.of(), Metric.of(8, 7.9, 8.1, "ns/op"), Map.of());
        Change worse = only(base, slower);
        assertEquals("primary", worse.metric(), "auto without completed: the primary metric");
        assertFalse(worse.higherIsBetter());
        assertEquals(Verdict.REGRESSED, worse.verdict());
        assertEquals(0.2, worse.change(), 1e-12);
        assertEquals(Verdict.IMPROVED, only(base, faster).verdict());
    }

    @Test
    void missingIntervalFallsBackToWelchOnRawData() {
        JmhResult base = nanEntry(BASE, List.of(100.0, 101.0, 99.0, 100.5, 99.5));
        JmhResult steadyDrop = nanEntry(CURRENT, List.of(80.0, 81.0, 79.0, 80.5, 79.5));
        Change c = only(base, steadyDrop);
        assertEquals(Basis.WELCH, c.significance().basis());
        assertTrue(c.significance().pValue() < Significance.ALPHA, "p = " + c.significance().pValue());
        assertEquals(Verdict.REGRESSED, c.verdict());
        assertTrue(c.note().startsWith("no confidence interval; Welch t-test on rawData, p = "), c.note());

        // The same -20% mean, but the iterations scatter from 40 to 120: not beyond noise at 0.1%.
        JmhResult noisy = nanEntry(CURRENT, List.of(40.0, 120.0, 80.0, 60.0, 100.0));
        Change n = only(base, noisy);
        assertEquals(Basis.WELCH, n.significance().basis());
        assertEquals(Verdict.UNCHANGED, n.verdict());
        assertTrue(n.note().startsWith("within noise: no confidence interval; Welch t-test"), n.note());
    }

    @Test
    void withoutIntervalOrEnoughRawDataTheThresholdDecidesAndSaysSo() {
        Change one = only(nanEntry(BASE, List.of(100.0)), nanEntry(CURRENT, List.of(80.0)));
        assertEquals(Basis.THRESHOLD_ONLY, one.significance().basis());
        assertEquals(Verdict.REGRESSED, one.verdict());
        assertTrue(one.note().contains("judged by threshold alone"), one.note());

        Change small = only(nanEntry(BASE, List.of(100.0)), nanEntry(CURRENT, List.of(98.0)));
        assertEquals(Verdict.UNCHANGED, small.verdict());
        assertTrue(small.note().contains("judged by threshold alone"), small.note());

        Change flat = only(nanEntry(BASE, List.of(100.0, 100.0)), nanEntry(CURRENT, List.of(80.0, 80.0)));
        assertEquals(Basis.THRESHOLD_ONLY, flat.significance().basis(), "no spread: the t-test is undefined");
        assertEquals(Verdict.REGRESSED, flat.verdict());
    }

    @Test
    void oneSideWithoutIntervalUsesTheTestToo() {
        JmhResult base = entry(BASE, "a.B.c", "thrpt", Map.of(),
                Metric.of(100, 99, 101, "ops/s", List.of(100.0, 101.0, 99.0, 100.5, 99.5)), Map.of());
        Change c = only(base, nanEntry(CURRENT, List.of(80.0, 81.0, 79.0, 80.5, 79.5)));
        assertEquals(Basis.WELCH, c.significance().basis());
        assertEquals(Verdict.REGRESSED, c.verdict());
    }

    @Test
    void scoreErrorStandsInForAMissingConfidenceInterval() {
        Metric before = new Metric(1000, 10, Double.NaN, Double.NaN, "ops/s", new TreeMap<>(), 0, List.of());
        Metric overlapping = new Metric(900, 100, Double.NaN, Double.NaN, "ops/s", new TreeMap<>(), 0, List.of());
        Metric apart = new Metric(900, 10, Double.NaN, Double.NaN, "ops/s", new TreeMap<>(), 0, List.of());
        JmhResult base = entry(BASE, "a.B.c", "thrpt", Map.of(), before, Map.of());
        Change noise = only(base, entry(CURRENT, "a.B.c", "thrpt", Map.of(), overlapping, Map.of()));
        assertEquals(Basis.INTERVALS, noise.significance().basis());
        assertEquals(Verdict.UNCHANGED, noise.verdict());
        Change real = only(base, entry(CURRENT, "a.B.c", "thrpt", Map.of(), apart, Map.of()));
        assertEquals(Verdict.REGRESSED, real.verdict());
    }

    @Test
    void sameShortNameInTwoPackagesIsTwoPoints() {
        Metric m = Metric.of(10, 9, 11, "ops/s");
        Comparison c = Comparison.of(
                List.of(entry(BASE, "a.B.c", "thrpt", Map.of(), m, Map.of()), entry(BASE, "x.B.c", "thrpt", Map.of(), m, Map.of())),
                List.of(entry(CURRENT, "a.B.c", "thrpt", Map.of(), m, Map.of()), entry(CURRENT, "x.B.c", "thrpt", Map.of(), m, Map.of())),
                Options.DEFAULT);
        assertEquals(List.of("a.B.c", "x.B.c"), c.changes().stream().map(x -> x.key().benchmark()).toList());
        assertEquals("0 regressed, 0 improved, 2 unchanged, 0 missing, 0 new", c.summary());
    }

    /** A thrpt entry whose error and interval are NaN, with mean-of-raw as the score. */
    private static JmhResult nanEntry(Source source, List<Double> raw) {
        double score = raw.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return entry(source, "a.B.c", "thrpt", Map.of(), Metric.of(score, Double.NaN, Double.NaN, "ops/s", raw), Map.of());
    }

    @Test
    void autoComparesCompletedTasksNotThePrimaryMetric() {
        // The primary metric (batches/s) doubles; completed tasks/s drop by 20%.
        JmhResult base = entry(BASE, SLEEP, "thrpt", params(100), Metric.of(10, 9.9, 10.1, "ops/s"),
                Map.of("completed", Metric.of(1000, 990, 1010, "ops/s")));
        JmhResult current = entry(CURRENT, SLEEP, "thrpt", params(100), Metric.of(20, 19.9, 20.1, "ops/s"),
                Map.of("completed", Metric.of(800, 790, 810, "ops/s")));
        assertEquals(Verdict.REGRESSED, only(base, current).verdict());
        Change primary = Comparison.of(List.of(base), List.of(current), new Options(0.05, MetricChoice.parse("primary")))
                .changes().get(0);
        assertEquals("primary", primary.metric());
        assertEquals(Verdict.IMPROVED, primary.verdict());
    }

    @Test
    void namedMetricAbsentFromAnEntryIsBadInput() {
        JmhResult base = crossover(BASE, 100, 1000, 10);
        JmhResult current = crossover(CURRENT, 100, 1000, 10);
        Options options = new Options(0.05, MetricChoice.parse("gc.alloc.rate"));
        BadInputException e = assertThrows(BadInputException.class,
                () -> Comparison.of(List.of(base), List.of(current), options));
        assertTrue(e.getMessage().startsWith("base.json: no metric \"gc.alloc.rate\" at $[0]"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(expected: --metric auto, primary or one of completed)"), e.getMessage());
    }

    @Test
    void namedMetricTakesItsDirectionFromItsUnit() {
        Map<String, Metric> before = Map.of("gc.alloc.rate.norm", Metric.of(100, 99, 101, "B/op"));
        Map<String, Metric> after = Map.of("gc.alloc.rate.norm", Metric.of(200, 199, 201, "B/op"));
        JmhResult base = entry(BASE, "a.B.c", "thrpt", Map.of(), Metric.of(10, 9, 11, "ops/s"), before);
        JmhResult current = entry(CURRENT, "a.B.c", "thrpt", Map.of(), Metric.of(10, 9, 11, "ops/s"), after);
        Change c = Comparison.of(List.of(base), List.of(current), new Options(0.05, MetricChoice.parse("\u00b7gc.alloc.rate.norm")))
                .changes().get(0);
        assertEquals("gc.alloc.rate.norm", c.metric());
        assertFalse(c.higherIsBetter(), "bytes per operation: lower is better, whatever the mode");
        assertEquals(Verdict.REGRESSED, c.verdict());
    }

    @Test
    void sortsWorstFirst() {
        Comparison c = Comparison.of(
                List.of(crossover(BASE, 1, 100, 1), crossover(BASE, 2, 100, 1), crossover(BASE, 3, 100, 1),
                        crossover(BASE, 4, 100, 1), crossover(BASE, 5, 100, 1), crossover(BASE, 6, 100, 1)),
                // worsening: 3 = 50%, 2 = 10% (regressed); 4 = 1%; 1 = -20%, 6 = -50% (improved, least first)
                List.of(crossover(CURRENT, 1, 120, 1), crossover(CURRENT, 2, 90, 1), crossover(CURRENT, 3, 50, 1),
                        crossover(CURRENT, 4, 99, 1), crossover(CURRENT, 6, 150, 1), crossover(CURRENT, 7, 1, 0.1)),
                Options.DEFAULT);
        assertEquals(List.of("3", "2", "5", "4", "1", "6", "7"),
                c.changes().stream().map(x -> x.key().params().get("concurrency")).toList());
        assertEquals(List.of(Verdict.REGRESSED, Verdict.REGRESSED, Verdict.MISSING, Verdict.UNCHANGED,
                Verdict.IMPROVED, Verdict.IMPROVED, Verdict.NEW), c.changes().stream().map(Change::verdict).toList());
        assertEquals("2 regressed, 2 improved, 1 unchanged, 1 missing, 1 new", c.summary());
    }

    @Test
    void duplicatePointIsBadInput() {
        JmhResult first = crossover(BASE, 100, 1000, 10);
        JmhResult again = new JmhResult(BASE, 4, first.benchmark(), first.mode(), 1, 1, "25", first.params(),
                first.primary(), first.secondary());
        BadInputException e = assertThrows(BadInputException.class,
                () -> Comparison.of(List.of(first, again), List.of(crossover(CURRENT, 100, 1000, 10)), Options.DEFAULT));
        assertTrue(e.getMessage().startsWith("base.json: duplicate entry at $[4]: SleepBenchmark.run thrpt concurrency=100"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("first at $[0])"), e.getMessage());
    }

    @Test
    void differentUnitsAreBadInput() {
        JmhResult base = entry(BASE, "a.B.c", "avgt", Map.of(), Metric.of(10, 9, 11, "ns/op"), Map.of());
        JmhResult current = entry(CURRENT, "a.B.c", "avgt", Map.of(), Metric.of(0.01, 0.009, 0.011, "us/op"), Map.of());
        BadInputException e = assertThrows(BadInputException.class,
                () -> Comparison.of(List.of(base), List.of(current), Options.DEFAULT));
        assertTrue(e.getMessage().startsWith("current.json: unit us/op of \"primary\" at $[0]"), e.getMessage());
        assertTrue(e.getMessage().contains("differs from the baseline's ns/op"), e.getMessage());
    }

    @Test
    void nonFiniteScoreIsNotJudged() {
        JmhResult base = entry(BASE, "a.B.c", "sample", Map.of(), Metric.of(Double.NaN, Double.NaN, Double.NaN, "s/op"), Map.of());
        JmhResult current = entry(CURRENT, "a.B.c", "sample", Map.of(), Metric.of(3, 2.9, 3.1, "s/op"), Map.of());
        Change c = only(base, current);
        assertEquals(Verdict.UNCHANGED, c.verdict());
        assertEquals(Basis.NONE, c.significance().basis());
        assertTrue(c.note().startsWith("not comparable"), c.note());
    }

    @Test
    void parsesThresholdsAsPercentages() {
        assertEquals(0.05, Options.parseThreshold("5%"), 1e-12);
        assertEquals(0.10, Options.parseThreshold("10"), 1e-12);
        assertEquals(0.025, Options.parseThreshold(" 2.5 % "), 1e-12);
        assertEquals(0.0, Options.parseThreshold("0%"), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-3%", "", "%", "NaN", "Infinity", "5d", "1,5%"})
    void rejectsBadThresholdsNamingTheFlag(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Options.parseThreshold(text));
        assertEquals("--threshold: " + text + " (expected: a percentage >= 0, such as 5%)", e.getMessage());
    }

    @Test
    void relativeChangeHandlesZero() {
        assertEquals(0.0, Comparison.relative(0, 0));
        assertEquals(Double.POSITIVE_INFINITY, Comparison.relative(0, 3));
        assertEquals(-0.5, Comparison.relative(-2, -3), 1e-12);
    }
}
