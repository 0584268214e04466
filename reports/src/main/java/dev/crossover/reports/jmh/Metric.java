package dev.crossover.reports.jmh;

import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;

/**
 * One JMH metric (the primary metric or a secondary one) as JMH wrote it.
 *
 * <p>Values JMH writes as {@code "NaN"}, {@code "+INF"} or {@code "-INF"} are {@link Double#NaN}
 * and the infinities; a missing error or interval is NaN.
 *
 * @param score       the score
 * @param error       the half-width of the 99.9% confidence interval, NaN when unknown
 * @param low         the interval's lower bound, NaN when unknown
 * @param high        the interval's upper bound, NaN when unknown
 * @param unit        the score's unit, such as {@code ops/s} or {@code ns/op}
 * @param percentiles score percentiles by percent (0 to 100), empty when absent
 * @param samples     the number of measurements behind the score: iterations from
 *                    {@code rawData}, or samples from {@code rawDataHistogram}; 0 when absent
 * @param raw         the iteration scores of {@code rawData}, all forks in file order; empty when
 *                    absent (also for {@code rawDataHistogram}, whose samples are only counted)
 * @param forks       the forks behind the score: the outer length of {@code rawData} (or
 *                    {@code rawDataHistogram}); 0 when unknown
 */
public record Metric(double score, double error, double low, double high, String unit,
                     NavigableMap<Double, Double> percentiles, long samples, List<Double> raw, int forks) {
    public Metric {
        Objects.requireNonNull(unit, "unit");
        percentiles = java.util.Collections.unmodifiableNavigableMap(new java.util.TreeMap<>(percentiles));
        raw = List.copyOf(raw);
        if (forks < 0) {
            throw new IllegalArgumentException("forks: " + forks + " (expected: >= 0)");
        }
    }

    /** A metric whose forks are unknown. */
    public Metric(double score, double error, double low, double high, String unit,
                  NavigableMap<Double, Double> percentiles, long samples, List<Double> raw) {
        this(score, error, low, high, unit, percentiles, samples, raw, 0);
    }

    /** {@return a metric with only a score and an interval} */
    public static Metric of(double score, double low, double high, String unit) {
        return new Metric(score, (high - low) / 2, low, high, unit, new java.util.TreeMap<>(), 0, List.of());
    }

    /** {@return a metric with a score, an interval (NaN bounds when unknown) and the iteration scores} */
    public static Metric of(double score, double low, double high, String unit, List<Double> raw) {
        return new Metric(score, (high - low) / 2, low, high, unit, new java.util.TreeMap<>(), raw.size(), raw);
    }

    /** {@return true if the 99.9% interval is known} */
    public boolean hasInterval() {
        return Double.isFinite(low) && Double.isFinite(high);
    }

    /** {@return true if the score is a finite number (not NaN, not infinite)} */
    public boolean hasScore() {
        return Double.isFinite(score);
    }

    /** {@return true if the interval is wider than the score itself: the measurement says little} */
    public boolean isWide() {
        return hasInterval() && high - low > Math.abs(score);
    }

    /**
     * {@return how this metric's 99.9% interval lies against {@code other}'s}: {@link Separation#UNKNOWN}
     * when either score is not finite or either interval is unknown (a single iteration, a NaN
     * error): such a metric is no exact point, and nothing can be decided from it.
     */
    public Separation against(Metric other) {
        if (!hasScore() || !other.hasScore() || !hasInterval() || !other.hasInterval()) {
            return Separation.UNKNOWN;
        }
        if (low > other.high) {
            return Separation.ABOVE;
        }
        if (high < other.low) {
            return Separation.BELOW;
        }
        return Separation.OVERLAP;
    }

    /** {@return true if both intervals are known and they meet}; false when they are apart or unknown */
    public boolean overlaps(Metric other) {
        return against(other) == Separation.OVERLAP;
    }

    /** How one metric's interval lies against another's. */
    public enum Separation {
        /** Entirely above the other's interval. */
        ABOVE,
        /** Entirely below the other's interval. */
        BELOW,
        /** The two intervals meet: the data cannot order them. */
        OVERLAP,
        /** An interval or a score is unknown: undecidable. */
        UNKNOWN;

        /** {@return true if the order is clear (above or below)} */
        public boolean isClear() {
            return this == ABOVE || this == BELOW;
        }
    }

    /** {@return true if higher is better: the unit is a rate such as {@code ops/s}, not a time such as {@code ns/op}} */
    public boolean higherIsBetter() {
        return !unit.endsWith("/op");
    }
}
