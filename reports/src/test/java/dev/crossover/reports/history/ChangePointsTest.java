package dev.crossover.reports.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(30)
class ChangePointsTest {
    /** {@return n values around {@code level} with 1% Gaussian noise, seeded} */
    private static double[] noise(int n, double level, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = level * (1 + 0.01 * r.nextGaussian());
        }
        return x;
    }

    /** Multiplies {@code x[from..]} by {@code factor}. */
    private static double[] step(double[] x, int from, double factor) {
        double[] y = x.clone();
        for (int i = from; i < y.length; i++) {
            y[i] *= factor;
        }
        return y;
    }

    private static List<Integer> indices(List<ChangePoints.Change> changes) {
        return changes.stream().map(ChangePoints.Change::index).toList();
    }

    @ParameterizedTest
    @CsvSource({"40, 10, 1", "40, 20, 2", "40, 30, 3", "60, 5, 4", "60, 55, 5", "120, 70, 6", "120, 100, 7"})
    void aStepAtKIsFoundAtK(int n, int k, long seed) {
        double[] x = step(noise(n, 1000, seed), k, 0.9);

        List<ChangePoints.Change> found = ChangePoints.DEFAULT.of(x);

        assertEquals(List.of(k), indices(found), found.toString());
        ChangePoints.Change c = found.getFirst();
        assertEquals(-0.10, c.relative(), 0.01);
        assertTrue(c.pValue() < 0.001, c.toString());
        assertEquals(1000, c.meanBefore(), 10);
        assertEquals(900, c.meanAfter(), 10);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void pureNoiseHasNoChangePoint(long seed) {
        assertEquals(List.of(), ChangePoints.DEFAULT.of(noise(80, 1000, seed)));
    }

    @ParameterizedTest
    @CsvSource({"20, 45, 1", "25, 50, 2", "30, 60, 3", "10, 90, 4", "40, 70, 5"})
    void twoStepsGiveTwo(int first, int second, long seed) {
        double[] x = step(step(noise(100, 500, seed), first, 1.2), second, 0.8);

        assertEquals(List.of(first, second), indices(ChangePoints.DEFAULT.of(x)));
    }

    @Test
    void aShortLevelBetweenOppositeStepsNeedsASmallerWindowAsInOtava() {
        // 500 up to 15, 600 up to 30, then 480: in a window of 50 the best split (15, found with the
        // end 30) is tested against all 50 values, where the right side's mean is near the left's, so
        // the window ends there, as Otava's does; a window of 30 sees both steps.
        double[] x = step(step(noise(100, 500, 2), 15, 1.2), 30, 0.8);
        assertEquals(List.of(30), indices(ChangePoints.DEFAULT.of(x)));
        assertEquals(List.of(15, 30), indices(new ChangePoints(30, 0.001, 0.05).of(x)));
    }

    @Test
    void aStepBelowTheMagnitudeIsNoChangePoint() {
        double[] x = step(noise(60, 1000, 7), 30, 0.97);
        assertEquals(List.of(), ChangePoints.DEFAULT.of(x), "3% is below the 5% magnitude");
        assertEquals(List.of(30), indices(new ChangePoints(50, 0.001, 0.01).of(x)), "but above 1%");
    }

    @Test
    void tooShortOrFlatSeriesHaveNone() {
        assertEquals(List.of(), ChangePoints.DEFAULT.of(new double[0]));
        assertEquals(List.of(), ChangePoints.DEFAULT.of(new double[] {5}));
        assertEquals(List.of(), ChangePoints.DEFAULT.of(new double[] {5, 5, 5, 5, 5, 5}));
    }

    @Test
    void qOfTheCandidateMatchesTheFormulaByBruteForce() {
        double[] x = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5};
        double best = Double.NEGATIVE_INFINITY;
        int bestTau = -1;
        for (int tau = 1; tau < x.length; tau++) {
            for (int kappa = tau + 1; kappa <= x.length; kappa++) {
                double q = q(x, 0, tau, kappa);
                if (q > best) {
                    best = q;
                    bestTau = tau;
                }
            }
        }
        double[] candidate = ChangePoints.candidate(x, 0, x.length);
        assertEquals(bestTau, (int) candidate[0]);
        assertEquals(best, candidate[1], 1e-9);
    }

    /** Matteson and James's Q of x[start, tau) and x[tau, kappa), term by term. */
    private static double q(double[] x, int start, int tau, int kappa) {
        int n = tau - start;
        int m = kappa - tau;
        double cross = 0;
        double withinX = 0;
        double withinY = 0;
        for (int i = start; i < tau; i++) {
            for (int j = tau; j < kappa; j++) {
                cross += Math.abs(x[i] - x[j]);
            }
            for (int k = i + 1; k < tau; k++) {
                withinX += Math.abs(x[i] - x[k]);
            }
        }
        for (int j = tau; j < kappa; j++) {
            for (int k = j + 1; k < kappa; k++) {
                withinY += Math.abs(x[j] - x[k]);
            }
        }
        double e = 2 * cross / (n * m) - (n > 1 ? withinX / (n * (n - 1) / 2.0) : 0) - (m > 1 ? withinY / (m * (m - 1) / 2.0) : 0);
        return n * m / (double) (n + m) * e;
    }

    @Test
    void theTTestIsStudentsPooledTest() {
        double[] x = {10, 11, 9, 10.5, 9.5, 12, 13, 12.5, 11.5, 13.5, 12.2};
        ChangePoints.Change c = ChangePoints.test(x, 0, 5, x.length);
        double[] a = java.util.Arrays.copyOfRange(x, 0, 5);
        double[] b = java.util.Arrays.copyOfRange(x, 5, x.length);
        assertEquals(new TTest().homoscedasticTTest(a, b), c.pValue(), 1e-12);
        assertEquals(10, c.meanBefore(), 1e-12);
        assertEquals(1.0 * (12 + 13 + 12.5 + 11.5 + 13.5 + 12.2) / 6, c.meanAfter(), 1e-12);
    }

    @Test
    void rejectsNonFiniteValuesAndBadSettings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChangePoints.DEFAULT.of(new double[] {1, Double.NaN}));
        assertEquals("x[1]: NaN (expected: a finite number)", e.getMessage());
        assertEquals("window: 1 (expected: >= 2)",
                assertThrows(IllegalArgumentException.class, () -> new ChangePoints(1, 0.001, 0.05)).getMessage());
        assertEquals("maxPValue: 0.0 (expected: 0 < p < 1)",
                assertThrows(IllegalArgumentException.class, () -> new ChangePoints(50, 0, 0.05)).getMessage());
    }
}
