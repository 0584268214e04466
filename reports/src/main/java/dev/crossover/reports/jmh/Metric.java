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
 */
public record Metric(double score, double error, double low, double high, String unit,
                     NavigableMap<Double, Double> percentiles, long samples, List<Double> raw) {
    public Metric {
        Objects.requireNonNull(unit, "unit");
        percentiles = java.util.Collections.unmodifiableNavigableMap(new java.util.TreeMap<>(percentiles));
        raw = List.copyOf(raw);
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

    /** {@return true if this metric's interval and {@code other}'s overlap}; unknown intervals count as points. */
    public boolean overlaps(Metric other) {
        double lo1 = hasInterval() ? low : score;
        double hi1 = hasInterval() ? high : score;
        double lo2 = other.hasInterval() ? other.low : other.score;
        double hi2 = other.hasInterval() ? other.high : other.score;
        return lo1 <= hi2 && lo2 <= hi1;
    }

    /** {@return true if higher is better: the unit is a rate such as {@code ops/s}, not a time such as {@code ns/op}} */
    public boolean higherIsBetter() {
        return !unit.endsWith("/op");
    }
}
