package dev.crossover.reports.compare;

import dev.crossover.reports.BadInputException;
import dev.crossover.reports.jmh.JmhResult;
import dev.crossover.reports.jmh.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Two JMH runs compared point by point, for CI: which points regressed, improved, stayed within
 * noise or the threshold, and which are in one run only.
 *
 * <h2>Usage</h2>
 * {@snippet :
 * Comparison c = Comparison.of(JmhParser.parse(base, source), JmhParser.parse(current, source), Options.DEFAULT);
 * if (c.count(Verdict.REGRESSED) > 0) { ... }
 * }
 *
 * <h2>Rules</h2>
 * Entries match by benchmark name, mode and every param ({@link Key}). The compared metric is
 * {@link Options#metric()}'s; its direction comes from the mode for the primary metric
 * ({@code thrpt}: higher is better; {@code avgt}, {@code sample}, {@code ss}: lower is better) and
 * from the unit for a secondary metric when the unit says it ({@code ops/…} higher, {@code …/op}
 * lower), else from the mode. A point is {@link Verdict#REGRESSED} only when it is worse by more
 * than the threshold <em>and</em> the difference is beyond noise ({@link Significance}); likewise
 * {@link Verdict#IMPROVED}; otherwise {@link Verdict#UNCHANGED}.
 *
 * @param changes every point, worst first: by verdict, then by how much worse, then by name
 * @param options the options the runs were compared with
 */
public record Comparison(List<Change> changes, Options options) {
    /** Worst first: by verdict, then the larger worsening, then by name. */
    private static final Comparator<Change> WORST_FIRST = Comparator.comparing(Change::verdict)
            .thenComparing(c -> Double.isNaN(c.worsening()) ? 0 : -c.worsening())
            .thenComparing(Change::key);

    public Comparison {
        changes = List.copyOf(changes);
        Objects.requireNonNull(options, "options");
    }

    /**
     * {@return {@code current} compared with {@code base}}
     *
     * @throws BadInputException if a file holds one point twice, if a named metric is absent from a
     *                           matched entry, or if the two runs measured a point in different units
     */
    public static Comparison of(List<JmhResult> base, List<JmhResult> current, Options options) {
        Objects.requireNonNull(options, "options");
        Map<Key, JmhResult> before = byKey(base);
        Map<Key, JmhResult> after = byKey(current);
        Set<Key> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (Key key : keys) {
            changes.add(change(key, before.get(key), after.get(key), options));
        }
        changes.sort(WORST_FIRST);
        return new Comparison(changes, options);
    }

    /** {@return how many points have {@code verdict}} */
    public long count(Verdict verdict) {
        return changes.stream().filter(c -> c.verdict() == verdict).count();
    }

    /** {@return true if a point regressed, or if one is missing and {@code failOnMissing}} */
    public boolean fails(boolean failOnMissing) {
        return count(Verdict.REGRESSED) > 0 || failOnMissing && count(Verdict.MISSING) > 0;
    }

    /** {@return the summary line: {@code "1 regressed, 0 improved, 5 unchanged, 0 missing, 2 new"}} */
    public String summary() {
        return count(Verdict.REGRESSED) + " regressed, " + count(Verdict.IMPROVED) + " improved, "
                + count(Verdict.UNCHANGED) + " unchanged, " + count(Verdict.MISSING) + " missing, "
                + count(Verdict.NEW) + " new";
    }

    private static Map<Key, JmhResult> byKey(List<JmhResult> results) {
        Map<Key, JmhResult> byKey = new LinkedHashMap<>();
        for (JmhResult r : results) {
            JmhResult earlier = byKey.putIfAbsent(Key.of(r), r);
            if (earlier != null) {
                throw new BadInputException(r.source().file(), "duplicate entry at $[" + r.index() + "]: "
                        + Key.of(r).label() + " (expected: each benchmark, mode and params once; first at $["
                        + earlier.index() + "])");
            }
        }
        return byKey;
    }

    private static Change change(Key key, JmhResult base, JmhResult current, Options options) {
        String name = options.metric().nameFor(base, current);
        if (name == null) {
            JmhResult lacking = base != null && MetricChoice.metric(base, options.metric().id()) == null ? base : current;
            throw new BadInputException(lacking.source().file(), "no metric \"" + options.metric().id() + "\" at $["
                    + lacking.index() + "] (" + key.label() + ") (expected: --metric auto, primary"
                    + (lacking.secondary().isEmpty() ? "; the entry has no secondary metrics)"
                    : " or one of " + String.join(", ", lacking.secondary().keySet()) + ")"));
        }
        Metric before = base == null ? null : MetricChoice.metric(base, name);
        Metric after = current == null ? null : MetricChoice.metric(current, name);
        boolean higherIsBetter = higherIsBetter(key.mode(), name, after != null ? after : before);
        if (before == null || after == null) {
            Significance none = new Significance(Basis.NONE, false, Double.NaN);
            return new Change(key, name, before, after, higherIsBetter, Double.NaN, none,
                    before == null ? Verdict.NEW : Verdict.MISSING, "");
        }
        if (!before.unit().equals(after.unit())) {
            throw new BadInputException(current.source().file(), "unit " + after.unit() + " of \"" + name + "\" at $["
                    + current.index() + "] (" + key.label() + ") differs from the baseline's " + before.unit()
                    + " (expected: the same unit; run JMH with the same -tu)");
        }
        if (!Double.isFinite(before.score()) || !Double.isFinite(after.score())) {
            return new Change(key, name, before, after, higherIsBetter, Double.NaN,
                    new Significance(Basis.NONE, false, Double.NaN), Verdict.UNCHANGED,
                    "not comparable: a score is not a finite number");
        }
        double change = relative(before.score(), after.score());
        double worse = higherIsBetter ? -change : change;
        Significance significance = Significance.of(before, after);
        Verdict verdict = !significance.significant() ? Verdict.UNCHANGED
                : worse > options.threshold() ? Verdict.REGRESSED
                : -worse > options.threshold() ? Verdict.IMPROVED
                : Verdict.UNCHANGED;
        return new Change(key, name, before, after, higherIsBetter, change, significance, verdict,
                note(significance, Math.abs(worse) > options.threshold()));
    }

    /** Says every fallback from the intervals, and a change beyond the threshold that is only noise. */
    private static String note(Significance s, boolean beyondThreshold) {
        String noise = beyondThreshold && !s.significant() ? "within noise: " : "";
        return switch (s.basis()) {
            case INTERVALS -> noise.isEmpty() ? "" : noise + "99.9% confidence intervals overlap";
            case WELCH -> String.format(Locale.ROOT, "%sno confidence interval; Welch t-test on rawData, p = %.2g",
                    noise, s.pValue());
            case THRESHOLD_ONLY -> "no confidence interval and fewer than 2 rawData values per side: judged by threshold alone";
            case NONE -> "";
        };
    }

    /** {@return (after - before) / |before|; 0 when both are 0, an infinity when only before is} */
    static double relative(double before, double after) {
        if (before == 0) {
            return after == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, after);
        }
        return (after - before) / Math.abs(before);
    }

    /** Primary metric: the mode decides; secondary: the unit, when it says, else the mode. */
    static boolean higherIsBetter(String mode, String metric, Metric m) {
        if (!metric.equals(MetricChoice.PRIMARY)) {
            if (m.unit().startsWith("ops/")) {
                return true;
            }
            if (m.unit().endsWith("/op")) {
                return false;
            }
        }
        return switch (mode) {
            case "thrpt" -> true;
            case "avgt", "sample", "ss" -> false;
            default -> m.higherIsBetter();
        };
    }
}
