package dev.crossover.reports.compare;

import dev.crossover.reports.jmh.Metric;
import java.util.Objects;

/**
 * One point's comparison: its two measurements (one of them null for a point in one run only),
 * how much it changed and the verdict.
 *
 * @param key            the point
 * @param metric         the compared metric's name: {@code primary} or a secondary metric's
 * @param baseline       the baseline's measurement, null when {@link Verdict#NEW}
 * @param current        the current run's measurement, null when {@link Verdict#MISSING}
 * @param higherIsBetter true if a higher score is better (throughput), false if lower is (time per operation)
 * @param change         {@code (current - baseline) / |baseline|}, NaN unless both are present and finite
 * @param significance   whether the difference is beyond noise, and by what evidence
 * @param verdict        the verdict
 * @param note           why the verdict is what it is when the numbers do not show it (a fallback
 *                       from the confidence intervals is always said), else empty
 */
public record Change(Key key, String metric, Metric baseline, Metric current, boolean higherIsBetter,
                     double change, Significance significance, Verdict verdict, String note) {
    public Change {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(significance, "significance");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(note, "note");
        if (baseline == null && current == null) {
            throw new IllegalArgumentException("baseline, current: null, null (expected: at least one)");
        }
    }

    /** {@return the relative change in the bad direction: positive is worse, negative better, NaN when unknown} */
    public double worsening() {
        return higherIsBetter ? -change : change;
    }

    /** {@return the fewest forks behind either side's measurement, 0 when a side's are unknown or absent} */
    public int forks() {
        if (baseline == null || current == null) {
            return 0;
        }
        return Math.min(baseline.forks(), current.forks());
    }

    /** {@return the unit of the compared metric} */
    public String unit() {
        return (current != null ? current : baseline).unit();
    }
}
