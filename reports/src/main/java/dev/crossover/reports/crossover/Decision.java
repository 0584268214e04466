package dev.crossover.reports.crossover;

import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * How one model compares with another, by a margin: the rule every winner-map cell and every
 * claim uses.
 *
 * <h2>The rule</h2>
 * From the two points' fork means, the ratio A / B is estimated on the log scale (the difference
 * of the mean log fork means), with Welch's t interval (unequal variances, Welch–Satterthwaite
 * degrees of freedom). With a margin δ (5% by default):
 * <ul>
 * <li>{@link Outcome#BETTER}: A's 95% interval of A / B lies above 1 + δ (A is better by more than the margin);</li>
 * <li>{@link Outcome#WORSE}: it lies below 1 − δ;</li>
 * <li>{@link Outcome#EQUIVALENT}: the 90% interval lies inside [1 − δ, 1 + δ]: two one-sided tests at
 *     5% each (TOST) show the difference smaller than the margin;</li>
 * <li>{@link Outcome#INCONCLUSIVE}: anything else, and any comparison with fewer than 2 forks on
 *     a side or a value that is not positive.</li>
 * </ul>
 * A difference smaller than δ never counts as a win, however narrow its interval; a wide interval
 * never counts as equivalence. For a quantity where lower is better (latency, CPU per task),
 * {@link #lowerIsBetter} swaps the sides' meaning.
 *
 * @param outcome A against B
 * @param ratio   the estimated A / B (the ratio of geometric means of the fork means)
 * @param low     the 95% interval's lower bound of A / B (NaN when unknown)
 * @param high    its upper bound (NaN when unknown)
 * @param margin  δ
 */
public record Decision(Outcome outcome, double ratio, double low, double high, double margin) {
    /** The margin when none is given: 5%. */
    public static final double DEFAULT_MARGIN = 0.05;

    /** A against B. */
    public enum Outcome {
        /** A is better than B by more than the margin. */
        BETTER,
        /** A is worse than B by more than the margin. */
        WORSE,
        /** A and B are within the margin of each other, shown by the equivalence test. */
        EQUIVALENT,
        /** The data says neither. */
        INCONCLUSIVE
    }

    /** {@return A against B where higher is better (throughput), by {@code margin}} */
    public static Decision of(List<Double> a, List<Double> b, double margin) {
        if (!(margin > 0 && margin < 1)) {
            throw new IllegalArgumentException("margin: " + margin + " (expected: between 0 and 1, e.g. 0.05)");
        }
        if (a.size() < 2 || b.size() < 2 || !positive(a) || !positive(b)) {
            double r = a.isEmpty() || b.isEmpty() || !positive(a) || !positive(b) ? Double.NaN
                    : Math.exp(meanLog(a) - meanLog(b));
            return new Decision(Outcome.INCONCLUSIVE, r, Double.NaN, Double.NaN, margin);
        }
        double d = meanLog(a) - meanLog(b);
        double va = varLog(a) / a.size();
        double vb = varLog(b) / b.size();
        double se = Math.sqrt(va + vb);
        double ratio = Math.exp(d);
        if (se == 0) {
            // identical forks on both sides: the ratio is exact
            Outcome o = ratio > 1 + margin ? Outcome.BETTER : ratio < 1 - margin ? Outcome.WORSE : Outcome.EQUIVALENT;
            return new Decision(o, ratio, ratio, ratio, margin);
        }
        double df = (va + vb) * (va + vb)
                / (va * va / (a.size() - 1) + vb * vb / (b.size() - 1));
        TDistribution t = new TDistribution(null, df);
        double t95 = t.inverseCumulativeProbability(0.975);
        double t90 = t.inverseCumulativeProbability(0.95);
        double low = Math.exp(d - t95 * se);
        double high = Math.exp(d + t95 * se);
        double eqLow = Math.exp(d - t90 * se);
        double eqHigh = Math.exp(d + t90 * se);
        Outcome o;
        if (low > 1 + margin) {
            o = Outcome.BETTER;
        } else if (high < 1 - margin) {
            o = Outcome.WORSE;
        } else if (eqLow >= 1 - margin && eqHigh <= 1 + margin) {
            o = Outcome.EQUIVALENT;
        } else {
            o = Outcome.INCONCLUSIVE;
        }
        return new Decision(o, ratio, low, high, margin);
    }

    /**
     * {@return how many forks a side would decide A against B (throughput) by {@code margin} if the
     * ratio and the forks' spreads stayed as measured}: the current count when {@link #of} decides
     * already, the least n up to {@code limit} at which the same rule (Welch's t with n forks a side)
     * would, or -1 when it would take more than {@code limit} (a gap about as large as the margin
     * needs ever more forks: neither "better by the margin" nor "within it" can be shown) or when
     * the spread is unknown (fewer than 2 forks on a side, a value that is not positive).
     * An estimate from few forks, not a promise: the next forks move the ratio and the spreads.
     */
    public static int forksToDecide(List<Double> a, List<Double> b, double margin, int limit) {
        if (of(a, b, margin).decided()) {
            return Math.max(a.size(), b.size());
        }
        if (a.size() < 2 || b.size() < 2 || !positive(a) || !positive(b)) {
            return -1;
        }
        double d = meanLog(a) - meanLog(b);
        double va = varLog(a);
        double vb = varLog(b);
        double up = Math.log(1 + margin);
        double down = Math.log(1 - margin);
        for (int n = Math.max(a.size(), b.size()); n <= limit; n++) {
            double se = Math.sqrt((va + vb) / n);
            double df = (va + vb) * (va + vb) / ((va * va + vb * vb) / (n - 1));
            TDistribution t = new TDistribution(null, df);
            double t95 = t.inverseCumulativeProbability(0.975);
            double t90 = t.inverseCumulativeProbability(0.95);
            if (d - t95 * se > up || d + t95 * se < down || (d - t90 * se >= down && d + t90 * se <= up)) {
                return n;
            }
        }
        return -1;
    }

    /**
     * {@return A against B where lower is better (latency, CPU per task), by {@code margin}}: A better
     * when B / A is above 1 + δ (A / B below 1 / (1 + δ), about 1 − δ), judged as {@link #of} judges B against A
     */
    public static Decision lowerIsBetter(List<Double> a, List<Double> b, double margin) {
        Decision d = of(b, a, margin);  // B / A above 1 + δ: A lower by the margin
        double ratio = 1 / d.ratio;
        return new Decision(d.outcome, ratio, 1 / d.high, 1 / d.low, margin);
    }

    /** {@return the ratio and its interval in words, such as "×1.32 [1.20, 1.45]"} */
    public String words() {
        return "\u00d7" + fixed(ratio) + (Double.isFinite(low) ? " [" + fixed(low) + ", " + fixed(high) + "]" : " (no interval)");
    }

    /** {@return true if the data decided: better, worse or equivalent} */
    public boolean decided() {
        return outcome != Outcome.INCONCLUSIVE;
    }

    private static String fixed(double x) {
        return String.format(Locale.ROOT, x >= 10 ? "%.1f" : "%.2f", x);
    }

    private static boolean positive(List<Double> xs) {
        return xs.stream().allMatch(x -> x > 0 && Double.isFinite(x));
    }

    private static double meanLog(List<Double> xs) {
        return xs.stream().mapToDouble(Math::log).average().orElse(Double.NaN);
    }

    private static double varLog(List<Double> xs) {
        double m = meanLog(xs);
        double ss = 0;
        for (double x : xs) {
            ss += (Math.log(x) - m) * (Math.log(x) - m);
        }
        return ss / (xs.size() - 1);
    }
}
