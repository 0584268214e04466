package dev.crossover.reports.crossover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.reports.jmh.Metric;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A point's estimate from its forks: the fork means from rawData, their mean and Student's t interval. */
@Timeout(10)
class EstimateTest {
    private static Metric metric(List<Double> raw, int forks) {
        return new Metric(0, Double.NaN, Double.NaN, Double.NaN, "ops/s", new TreeMap<>(), raw.size(), raw, forks);
    }

    @Test
    void forkMeansComeFromEachForksRowOfRawData() {
        Metric m = metric(List.of(9.0, 10.0, 11.0, 19.0, 20.0, 21.0, 29.0, 30.0, 31.0), 3);
        assertEquals(List.of(10.0, 20.0, 30.0), Estimate.forkMeans(m));
        Estimate e = Estimate.of(m);
        assertEquals(3, e.forks());
        assertEquals(20, e.mean(), 1e-12, "the mean of the fork means");
        // sd 10, n 3: half-width t(0.975, 2) x 10 / sqrt(3) = 4.302653 x 5.773503 = 24.841
        assertEquals(20 - 4.3026527 * 10 / Math.sqrt(3), e.low(), 1e-5);
        assertEquals(20 + 4.3026527 * 10 / Math.sqrt(3), e.high(), 1e-5);
        assertTrue(e.hasInterval());
        assertEquals((e.high() - e.low()) / 2 / 20, e.relativeHalfWidth(), 1e-12);
    }

    @Test
    void fiveForksUseTFourDegreesOfFreedom() {
        Estimate e = Estimate.of(List.of(98.0, 99.0, 100.0, 101.0, 102.0));
        assertEquals(100, e.mean(), 1e-12);
        assertEquals(2.7764451 * Math.sqrt(2.5 / 5), e.high() - 100, 1e-6);
    }

    @Test
    void oneForkHasAMeanButNoInterval() {
        Estimate e = Estimate.of(metric(List.of(9.0, 10.0, 11.0), 1));
        assertEquals(List.of(10.0), e.forkMeans());
        assertEquals(10, e.mean(), 1e-12);
        assertFalse(e.hasInterval());
        assertTrue(Double.isNaN(e.relativeHalfWidth()));
    }

    @Test
    void unknownOrUnevenForksGiveNoForkMeans() {
        assertEquals(List.of(), Estimate.forkMeans(metric(List.of(1.0, 2.0, 3.0), 0)), "forks unknown");
        assertEquals(List.of(), Estimate.forkMeans(metric(List.of(1.0, 2.0, 3.0, 4.0), 3)), "4 iterations over 3 forks");
        assertEquals(List.of(), Estimate.forkMeans(metric(List.of(), 3)), "no rawData");
        Estimate none = Estimate.of(List.of());
        assertEquals(0, none.forks());
        assertTrue(Double.isNaN(none.mean()));
        assertFalse(none.hasInterval());
    }

    @Test
    void aPointsRateIsTheMeanOfItsForkMeans() {
        Point p = TestPoints.point("sleep", "a", 10, 50, 0, 100, 110, 120);
        assertEquals(List.of(100.0, 110.0, 120.0), p.forkRates().stream().map(x -> Math.round(x * 1e6) / 1e6).toList());
        assertEquals(110, p.rate(), 1e-9);
        assertEquals(3, p.estimate().forks());
    }
}
