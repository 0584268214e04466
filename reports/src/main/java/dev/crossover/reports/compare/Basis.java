package dev.crossover.reports.compare;

/** How a point's difference was judged to be beyond noise or not. */
public enum Basis {
    /** JMH's 99.9% confidence intervals: apart means a real difference. */
    INTERVALS,
    /** No interval on one side: a Welch t-test on both sides' {@code rawData}, at the same 0.1% level. */
    WELCH,
    /** Neither an interval nor two raw values per side: the threshold alone decides. */
    THRESHOLD_ONLY,
    /** Not judged: the point is in one run only, or a score is not a finite number. */
    NONE;

    /** {@return the basis's id as JSON writes it: {@code intervals}, {@code welch}, {@code threshold-only}, {@code none}} */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
