package dev.crossover.reports.crossover;

import static dev.crossover.reports.crossover.Decision.Outcome.BETTER;
import static dev.crossover.reports.crossover.Decision.Outcome.EQUIVALENT;
import static dev.crossover.reports.crossover.Decision.Outcome.INCONCLUSIVE;
import static dev.crossover.reports.crossover.Decision.Outcome.WORSE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The margin rule on constructed fork means: each outcome, and where one ends and the next begins. */
@Timeout(10)
class DecisionTest {
    private static final double M = Decision.DEFAULT_MARGIN;

    /** Three fork means around {@code mean}: × (1 − s), × 1, × (1 + s). */
    private static List<Double> forks(double mean, double s) {
        return List.of(mean * (1 - s), mean, mean * (1 + s));
    }

    @Test
    void aClearWinIsBetterWithTheWholeIntervalAboveTheMargin() {
        Decision d = Decision.of(forks(110, 0.005), forks(100, 0.005), M);
        assertEquals(BETTER, d.outcome(), d.words());
        assertEquals(1.1, d.ratio(), 1e-9, "the log-scale mean: the spreads cancel");
        assertTrue(d.low() > 1 + M && d.high() > d.low(), d.words());
        assertTrue(d.decided());
        // Welch on the logs: both sides have the same variance, so df = 4 and t(0.975, 4) = 2.776445
        double v = variance(logs(forks(100, 0.005)));
        double se = Math.sqrt(2 * v / 3);
        assertEquals(Math.exp(Math.log(1.1) - 2.7764451 * se), d.low(), 1e-6);
        assertEquals(Math.exp(Math.log(1.1) + 2.7764451 * se), d.high(), 1e-6);
        assertEquals(M, d.margin());
    }

    @Test
    void aClearLossIsWorse() {
        Decision d = Decision.of(forks(100, 0.005), forks(110, 0.005), M);
        assertEquals(WORSE, d.outcome(), d.words());
        assertEquals(1 / 1.1, d.ratio(), 1e-9);
        assertTrue(d.high() < 1 - M, d.words());
        assertTrue(d.decided());
    }

    @Test
    void aSmallDifferenceWithANarrowIntervalIsEquivalentNotAWin() {
        Decision d = Decision.of(forks(103, 0.001), forks(100, 0.001), M);
        assertTrue(d.low() > 1, "the interval excludes 1: " + d.words());
        assertEquals(EQUIVALENT, d.outcome(), "3% ahead is inside the 5% margin: " + d.words());
        assertEquals(EQUIVALENT, Decision.of(forks(101, 0.005), forks(100, 0.005), M).outcome());
    }

    @Test
    void equivalenceUsesTheNinetyPercentIntervalOfTwoOneSidedTests() {
        // 2% apart, fork spread 1.5%: the 95% interval [0.986, 1.055] reaches past 1.05, the 90% one [0.994, 1.047] does not
        Decision d = Decision.of(forks(102, 0.015), forks(100, 0.015), M);
        assertTrue(d.high() > 1 + M, d.words());
        assertEquals(EQUIVALENT, d.outcome(), d.words());
        // a little more spread and the 90% interval crosses too
        assertEquals(INCONCLUSIVE, Decision.of(forks(102, 0.025), forks(100, 0.025), M).outcome());
    }

    @Test
    void anIntervalStraddlingTheMarginIsInconclusive() {
        Decision d = Decision.of(forks(105, 0.02), forks(100, 0.02), M);
        assertEquals(INCONCLUSIVE, d.outcome(), d.words());
        assertTrue(d.low() < 1 + M && d.high() > 1 + M, "straddles 1.05: " + d.words());
        assertFalse(d.decided());
        Decision wide = Decision.of(forks(100, 0.1), forks(100, 0.1), M);
        assertEquals(INCONCLUSIVE, wide.outcome(), "the same means, but a wide interval never shows equivalence: " + wide.words());
        assertEquals(1, wide.ratio(), 1e-9);
    }

    @Test
    void fewerThanTwoForksOnASideIsInconclusiveHoweverFarApart() {
        Decision one = Decision.of(List.of(200.0), forks(100, 0.001), M);
        assertEquals(INCONCLUSIVE, one.outcome());
        assertEquals(2, one.ratio(), 1e-5, "the ratio (of geometric means) is still given");
        assertTrue(Double.isNaN(one.low()) && Double.isNaN(one.high()));
        assertEquals("\u00d72.00 (no interval)", one.words());
        assertEquals(INCONCLUSIVE, Decision.of(forks(200, 0.001), List.of(100.0), M).outcome());
        Decision none = Decision.of(List.of(), forks(100, 0.001), M);
        assertEquals(INCONCLUSIVE, none.outcome());
        assertTrue(Double.isNaN(none.ratio()));
    }

    @Test
    void aValueThatIsNotPositiveDecidesNothing() {
        assertEquals(INCONCLUSIVE, Decision.of(List.of(0.0, 100.0, 100.0), forks(50, 0.001), M).outcome());
        assertEquals(INCONCLUSIVE, Decision.of(forks(100, 0.001), List.of(50.0, Double.NaN, 50.0), M).outcome());
        assertEquals(INCONCLUSIVE, Decision.of(forks(100, 0.001), List.of(50.0, Double.POSITIVE_INFINITY, 50.0), M).outcome());
        assertTrue(Double.isNaN(Decision.of(List.of(-1.0, 100.0), forks(50, 0.001), M).ratio()));
    }

    @Test
    void identicalForksGiveAnExactRatioDecidedByTheMarginAlone() {
        List<Double> hundred = List.of(100.0, 100.0, 100.0);
        Decision better = Decision.of(List.of(110.0, 110.0, 110.0), hundred, M);
        assertEquals(BETTER, better.outcome());
        assertEquals(1.1, better.low(), 1e-12);
        assertEquals(1.1, better.high(), 1e-12);
        assertEquals("\u00d71.10 [1.10, 1.10]", better.words());
        assertEquals(EQUIVALENT, Decision.of(hundred, hundred, M).outcome());
        assertEquals(EQUIVALENT, Decision.of(List.of(104.0, 104.0, 104.0), hundred, M).outcome(), "inside the margin");
        assertEquals(WORSE, Decision.of(List.of(90.0, 90.0, 90.0), hundred, M).outcome());
    }

    @Test
    void lowerIsBetterSwapsTheSidesMeaning() {
        Decision faster = Decision.lowerIsBetter(forks(80, 0.005), forks(100, 0.005), M);
        assertEquals(BETTER, faster.outcome(), "a p99 of 80 against 100: A better " + faster.words());
        assertEquals(0.8, faster.ratio(), 1e-9, "the ratio is still A / B");
        assertTrue(faster.low() < faster.ratio() && faster.ratio() < faster.high(), faster.words());
        assertTrue(faster.high() < 1 - M, faster.words());
        Decision slower = Decision.lowerIsBetter(forks(120, 0.005), forks(100, 0.005), M);
        assertEquals(WORSE, slower.outcome());
        assertEquals(1.2, slower.ratio(), 1e-9);
        assertEquals(EQUIVALENT, Decision.lowerIsBetter(forks(101, 0.005), forks(100, 0.005), M).outcome());
        assertEquals(INCONCLUSIVE, Decision.lowerIsBetter(forks(95, 0.03), forks(100, 0.03), M).outcome());
        assertEquals(INCONCLUSIVE, Decision.lowerIsBetter(List.of(80.0), forks(100, 0.005), M).outcome());
        // the mirror of higher-is-better: A's latency lower is B's latency higher
        assertEquals(BETTER, Decision.of(forks(100, 0.005), forks(80, 0.005), M).outcome());
    }

    @Test
    void theMarginDecidesWhatCountsAsAWin() {
        List<Double> a = forks(108, 0.002);
        List<Double> b = forks(100, 0.002);
        assertEquals(BETTER, Decision.of(a, b, 0.05).outcome(), "8% ahead, beyond 5%");
        assertEquals(EQUIVALENT, Decision.of(a, b, 0.10).outcome(), "8% is inside a 10% margin");
        assertEquals(0.10, Decision.of(a, b, 0.10).margin());
    }

    @Test
    void aMarginOutOfRangeIsRefused() {
        for (double bad : new double[] {0, 1, -0.05, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Decision.of(forks(110, 0.005), forks(100, 0.005), bad));
            assertEquals("margin: " + bad + " (expected: between 0 and 1, e.g. 0.05)", e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Decision.lowerIsBetter(forks(1, 0), forks(1, 0), 0));
        assertThrows(IllegalArgumentException.class, () -> Decision.of(List.of(), List.of(), 2), "checked before the data");
    }

    @Test
    void unevenForkCountsUseWelchsDegreesOfFreedom() {
        List<Double> five = List.of(109.0, 109.5, 110.0, 110.5, 111.0);
        Decision d = Decision.of(five, forks(100, 0.005), M);
        assertEquals(BETTER, d.outcome(), d.words());
        double va = variance(logs(five)) / 5;
        double vb = variance(logs(forks(100, 0.005))) / 3;
        double df = (va + vb) * (va + vb) / (va * va / 4 + vb * vb / 2);
        double t = new org.apache.commons.math3.distribution.TDistribution(null, df).inverseCumulativeProbability(0.975);
        double mean = logs(five).stream().mapToDouble(Double::doubleValue).average().orElseThrow()
                - logs(forks(100, 0.005)).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertEquals(Math.exp(mean - t * Math.sqrt(va + vb)), d.low(), 1e-9);
    }

    /** n fork means whose logs have exactly the mean log(mean) and the standard deviation s. */
    private static List<Double> spread(double mean, double s, int n) {
        double half = (n - 1) / 2.0;
        double unit = Math.sqrt(java.util.stream.IntStream.range(0, n).mapToDouble(i -> (i - half) * (i - half)).sum() / (n - 1));
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> mean * Math.exp(s * (i - half) / unit)).toList();
    }

    @Test
    void forksToDecideIsTheCurrentCountWhenTheRuleDecidesAlready() {
        assertEquals(3, Decision.forksToDecide(forks(110, 0.005), forks(100, 0.005), M, 50));
        assertEquals(5, Decision.forksToDecide(List.of(109.0, 109.5, 110.0, 110.5, 111.0), forks(100, 0.005), M, 50));
    }

    @Test
    void forksToDecideIsTheFirstCountAtWhichTheSameRatioAndSpreadsWouldDecide() {
        // 2% apart, 2.5% spread a side: open at 3 forks; the estimate is where forks of that ratio and spread decide
        for (double[] c : new double[][] {{102, 0.025}, {108, 0.04}, {97, 0.03}}) {
            List<Double> a = spread(c[0], c[1], 3);
            List<Double> b = spread(100, c[1], 3);
            assertEquals(INCONCLUSIVE, Decision.of(a, b, M).outcome(), Decision.of(a, b, M).words());
            int n = Decision.forksToDecide(a, b, M, 50);
            assertTrue(n > 3 && n <= 50, c[0] + ": " + n);
            Decision at = Decision.of(spread(c[0], c[1], n), spread(100, c[1], n), M);
            Decision before = Decision.of(spread(c[0], c[1], n - 1), spread(100, c[1], n - 1), M);
            assertTrue(at.decided(), c[0] + " at " + n + ": " + at.words());
            assertFalse(before.decided(), c[0] + " at " + (n - 1) + ": " + before.words());
            assertEquals(c[0] > 105 ? BETTER : EQUIVALENT, at.outcome(), at.words());
        }
    }

    @Test
    void aGapAsLargeAsTheMarginIsBeyondReachAtAnyCount() {
        assertEquals(-1, Decision.forksToDecide(spread(105, 0.01, 3), spread(100, 0.01, 3), M, 10_000));
        assertEquals(-1, Decision.forksToDecide(spread(95, 0.01, 3), spread(100, 0.01, 3), M, 10_000));
        // near it, a limit: 4.5% apart with 1% spread needs more than 8 forks a side, fewer than 200
        int n = Decision.forksToDecide(spread(104.5, 0.01, 3), spread(100, 0.01, 3), M, 200);
        assertTrue(n > 8, "" + n);
        assertEquals(-1, Decision.forksToDecide(spread(104.5, 0.01, 3), spread(100, 0.01, 3), M, 8));
    }

    @Test
    void forksToDecideNeedsASpreadOnEachSide() {
        assertEquals(-1, Decision.forksToDecide(List.of(104.0), forks(100, 0.01), M, 50));
        assertEquals(-1, Decision.forksToDecide(forks(104, 0.01), List.of(100.0, -1.0), M, 50));
    }

    private static List<Double> logs(List<Double> xs) {
        return xs.stream().map(Math::log).toList();
    }

    private static double variance(List<Double> xs) {
        double m = xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return xs.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / (xs.size() - 1);
    }
}
