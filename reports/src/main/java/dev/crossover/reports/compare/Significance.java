package dev.crossover.reports.compare;

import dev.crossover.reports.jmh.Metric;
import java.util.List;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Whether the difference between two measurements of a point is beyond noise.
 *
 * <p>JMH's 99.9% confidence intervals ({@code scoreConfidence}, else score ± {@code scoreError})
 * decide when both sides have one: apart is a real difference.
 * When one is missing or NaN (a single iteration, or a file written without errors), a two-sided
 * Welch t-test on {@code rawData} decides at the same 0.1% level, if each side has at least two
 * values with some spread. Otherwise nothing can be said, and the threshold alone decides.
 *
 * @param basis       what decided
 * @param significant true if the difference is beyond noise (always true for {@link Basis#THRESHOLD_ONLY})
 * @param pValue      the t-test's p-value, NaN unless the basis is {@link Basis#WELCH}
 */
public record Significance(Basis basis, boolean significant, double pValue) {
    /** The t-test's level, matching JMH's 99.9% intervals. */
    public static final double ALPHA = 0.001;

    /** {@return how {@code base} and {@code current} differ, by the best evidence both have} */
    public static Significance of(Metric base, Metric current) {
        double[] a = interval(base);
        double[] b = interval(current);
        if (a != null && b != null) {
            return new Significance(Basis.INTERVALS, a[1] < b[0] || b[1] < a[0], Double.NaN);
        }
        if (base.raw().size() >= 2 && current.raw().size() >= 2) {
            double p = welch(base.raw(), current.raw());
            if (!Double.isNaN(p)) {
                return new Significance(Basis.WELCH, p < ALPHA, p);
            }
        }
        return new Significance(Basis.THRESHOLD_ONLY, true, Double.NaN);
    }

    /** {@return [low, high] from scoreConfidence, else score ± scoreError, else null} */
    private static double[] interval(Metric m) {
        if (m.hasInterval()) {
            return new double[] {m.low(), m.high()};
        }
        return Double.isFinite(m.error()) ? new double[] {m.score() - m.error(), m.score() + m.error()} : null;
    }

    /** {@return the two-sided Welch t-test's p-value, NaN when undefined (no spread on either side)} */
    static double welch(List<Double> a, List<Double> b) {
        try {
            return new TTest().tTest(array(a), array(b));
        } catch (MathIllegalArgumentException e) {
            return Double.NaN;
        }
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
