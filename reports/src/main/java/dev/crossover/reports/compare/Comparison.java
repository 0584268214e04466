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
 * Entries match by benchmark name, mode and every param ({@link Key}): the nominal params, such as
 * {@code cpuMicros}, not the kernel units they were turned into. The compared metric is
 * {@link Options#metric()}'s, its direction {@link Direction}'s. A point is
 * {@link Verdict#REGRESSED} only when it is worse by more than the threshold <em>and</em> the
 * difference is beyond noise ({@link Significance}); likewise {@link Verdict#IMPROVED}; otherwise
 * {@link Verdict#UNCHANGED}. A point whose two runs computed different kernel units per task (their
 * {@code points/*.json} records say so) is {@link Verdict#UNITS_DIFFER} and not judged: the runs
 * did different work.
 *
 * <h2>Power</h2>
 * {@link #lowPower()} lists the points whose interval rests on fewer than {@value #MIN_FORKS} forks
 * on a side: iterations of one JVM share its JIT and memory layout, so such an interval misses the
 * run-to-run spread, and a change "within noise" there says little.
 *
 * @param changes  every point, worst first: by verdict, then by how much worse, then by name
 * @param options  the options the runs were compared with
 * @param warnings what the reader must know beyond the points (environments compared although
 *                 they differ), one line each
 */
public record Comparison(List<Change> changes, Options options, List<String> warnings) {
    /** The fewest forks a side needs before its interval sees the run-to-run spread. */
    public static final int MIN_FORKS = 3;
    /** Worst first: by verdict, then the larger worsening, then by name. */
    private static final Comparator<Change> WORST_FIRST = Comparator.comparing(Change::verdict)
            .thenComparing(c -> Double.isNaN(c.worsening()) ? 0 : -c.worsening())
            .thenComparing(Change::key);

    public Comparison {
        changes = List.copyOf(changes);
        Objects.requireNonNull(options, "options");
        warnings = List.copyOf(warnings);
    }

    /**
     * {@return {@code current} compared with {@code base}}, results alone (no run directories)
     *
     * @throws BadInputException if a file holds one point twice, if a named metric is absent from a
     *                           matched entry, or if the two runs measured a point in different units
     */
    public static Comparison of(List<JmhResult> base, List<JmhResult> current, Options options) {
        return of(Side.of(base), Side.of(current), options, List.of());
    }

    /**
     * {@return {@code current} compared with {@code base}}, with the kernel units of their run
     * directories; {@code warnings} go into the result as they are
     *
     * @throws BadInputException as {@link #of(List, List, Options)}
     */
    public static Comparison of(Side base, Side current, Options options, List<String> warnings) {
        Objects.requireNonNull(options, "options");
        Map<Key, JmhResult> before = byKey(base.results());
        Map<Key, JmhResult> after = byKey(current.results());
        Set<Key> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (Key key : keys) {
            Change c = change(key, before.get(key), after.get(key), options);
            changes.add(c.verdict() == Verdict.MISSING || c.verdict() == Verdict.NEW ? c : units(c, base, current));
        }
        changes.sort(WORST_FIRST);
        return new Comparison(changes, options, warnings);
    }

    /** A point whose sides computed different kernel units (or whose rounds did) is not judged. */
    private static Change units(Change c, Side base, Side current) {
        String benchmark = c.key().benchmark();
        var params = c.key().params();
        var u0 = base.units(benchmark, params);
        var u1 = current.units(benchmark, params);
        String differ = null;
        if (base.unitsVary(benchmark, params) || current.unitsVary(benchmark, params)) {
            differ = "the rounds of a side computed different kernel units per task";
        } else if (u0.isPresent() && u1.isPresent() && !u0.get().equals(u1.get())) {
            differ = "kernel units per task differ: " + String.format(Locale.ROOT, "%,d -> %,d", u0.get(), u1.get());
        }
        if (differ == null) {
            return c;
        }
        return new Change(c.key(), c.metric(), c.baseline(), c.current(), c.higherIsBetter(), c.change(),
                new Significance(Basis.NONE, false, Double.NaN), Verdict.UNITS_DIFFER,
                differ + "; not compared (run CURRENT with --units-from BASELINE_DIR for the same work)");
    }

    /** {@return how many points have {@code verdict}} */
    public long count(Verdict verdict) {
        return changes.stream().filter(c -> c.verdict() == verdict).count();
    }

    /** {@return true if a point regressed, or if one is missing and {@code failOnMissing}} */
    public boolean fails(boolean failOnMissing) {
        return count(Verdict.REGRESSED) > 0 || failOnMissing && count(Verdict.MISSING) > 0;
    }

    /** {@return the points in both runs whose interval rests on fewer than {@value #MIN_FORKS} forks on a side (forks known)} */
    public List<Change> lowPower() {
        return changes.stream().filter(c -> c.baseline() != null && c.current() != null)
                .filter(c -> c.forks() > 0 && c.forks() < MIN_FORKS).toList();
    }

    /** {@return the low-power warning, or empty when every judged point rests on enough forks (or their forks are unknown)} */
    public String lowPowerWarning() {
        List<Change> low = lowPower();
        if (low.isEmpty()) {
            return "";
        }
        long both = changes.stream().filter(c -> c.baseline() != null && c.current() != null).count();
        int fewest = low.stream().mapToInt(Change::forks).min().orElse(0);
        return String.format(Locale.ROOT, "low power: %d of %d points rest on fewer than %d forks a side (%d here): "
                + "their intervals miss the run-to-run spread, so \"unchanged\" says little there; "
                + "merge %d or more rounds a side (BASELINE and CURRENT take comma-separated runs)",
                low.size(), both, MIN_FORKS, fewest, MIN_FORKS);
    }

    /** {@return the summary line: {@code "1 regressed, 0 improved, 5 unchanged, 0 missing, 2 new"}, then units that differ when any} */
    public String summary() {
        String s = count(Verdict.REGRESSED) + " regressed, " + count(Verdict.IMPROVED) + " improved, "
                + count(Verdict.UNCHANGED) + " unchanged, " + count(Verdict.MISSING) + " missing, "
                + count(Verdict.NEW) + " new";
        long units = count(Verdict.UNITS_DIFFER);
        return units == 0 ? s : s + ", " + units + " not compared (kernel units differ)";
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
        boolean higherIsBetter = Direction.higherIsBetter(key.mode(), name, after != null ? after : before);
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
}
