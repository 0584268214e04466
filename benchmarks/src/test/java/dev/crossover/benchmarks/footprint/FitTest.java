package dev.crossover.benchmarks.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.RepeatedTest;

class FitTest {
    @RepeatedTest(20)
    void pointsOnALineGiveItsSlopeInterceptAndR2OfOne() {
        List<Fit.XY> xy = List.of(1_000, 10_000, 100_000, 1_000_000).stream()
                .map(n -> new Fit.XY(n, 35e6 + 300.0 * n)).toList();

        Fit fit = Fit.of(xy).orElseThrow();

        assertEquals(300.0, fit.slope(), 1e-9);
        assertEquals(35e6, fit.intercept(), 1e-3);
        assertEquals(1.0, fit.r2(), 1e-12);
        assertEquals(4, fit.points());
    }

    @RepeatedTest(20)
    void scatteredPointsGiveTheLeastSquaresLineAndItsR2() {
        // y = 1, 3, 2, 5 at x = 0..3: slope 1.1, intercept 1.1, SSres 2.7, SStot 8.75
        Fit fit = Fit.of(List.of(new Fit.XY(0, 1), new Fit.XY(1, 3), new Fit.XY(2, 2), new Fit.XY(3, 5))).orElseThrow();

        assertEquals(1.1, fit.slope(), 1e-12);
        assertEquals(1.1, fit.intercept(), 1e-12);
        assertEquals(1 - 2.7 / 8.75, fit.r2(), 1e-12);
    }

    @RepeatedTest(20)
    void noSlopeFromFewerThanTwoPointsOrOneX() {
        assertTrue(Fit.of(List.of()).isEmpty());
        assertTrue(Fit.of(List.of(new Fit.XY(1_000, 5))).isEmpty());
        assertTrue(Fit.of(List.of(new Fit.XY(1_000, 5), new Fit.XY(1_000, 9))).isEmpty());
    }

    @RepeatedTest(20)
    void aFlatLineHasSlopeZeroAndNoR2() {
        Fit fit = Fit.of(List.of(new Fit.XY(1, 7), new Fit.XY(2, 7), new Fit.XY(3, 7))).orElseThrow();

        assertEquals(0.0, fit.slope());
        assertTrue(Double.isNaN(fit.r2()));
    }
}
