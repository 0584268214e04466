package dev.crossover.reports.compare;

import dev.crossover.reports.BadInputException;
import dev.crossover.reports.jmh.JmhResult;
import dev.crossover.reports.jmh.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Merges the rounds of one side of a comparison (runs of the same commit, alternated with the
 * other side's on one machine) into one result per point, as if JMH had run all their forks at once.
 *
 * <p>A merged metric holds every round's {@code rawData} iterations and forks; its score is their
 * mean and its error JMH's own: the half-width of the 99.9% Student's t interval over all
 * iterations, {@code t(0.9995, n - 1) * s / sqrt(n)}. A point missing from some rounds is merged
 * from those that have it. Merging needs {@code rawData}: a metric without it cannot be merged.
 */
public final class Rounds {
    /** JMH's confidence level for {@code scoreError}. */
    static final double CONFIDENCE = 0.999;

    private Rounds() {
    }

    /**
     * {@return one result per point over {@code rounds}}: the single round itself when there is one
     *
     * @throws BadInputException if a metric of a point in several rounds has no {@code rawData}, or
     *                           its unit differs between rounds
     */
    public static List<JmhResult> merge(List<List<JmhResult>> rounds) {
        if (rounds.size() == 1) {
            return rounds.getFirst();
        }
        Map<Key, List<JmhResult>> byKey = new LinkedHashMap<>();
        for (List<JmhResult> round : rounds) {
            for (JmhResult r : round) {
                byKey.computeIfAbsent(Key.of(r), k -> new ArrayList<>()).add(r);
            }
        }
        List<JmhResult> merged = new ArrayList<>();
        byKey.values().forEach(same -> merged.add(same.size() == 1 ? same.getFirst() : mergePoint(same)));
        return merged;
    }

    private static JmhResult mergePoint(List<JmhResult> same) {
        JmhResult first = same.getFirst();
        Metric primary = mergeMetric(same.stream().map(JmhResult::primary).toList(), same, "primaryMetric");
        Map<String, Metric> secondary = new LinkedHashMap<>();
        for (String name : first.secondary().keySet()) {
            List<Metric> all = same.stream().map(r -> r.secondary().get(name)).toList();
            if (all.stream().allMatch(java.util.Objects::nonNull)) {
                secondary.put(name, mergeMetric(all, same, "secondaryMetrics." + name));
            }
        }
        int forks = same.stream().mapToInt(JmhResult::forks).sum();
        return new JmhResult(first.source(), first.index(), first.benchmark(), first.mode(), first.threads(), forks,
                first.jdkVersion(), first.params(), primary, secondary);
    }

    private static Metric mergeMetric(List<Metric> metrics, List<JmhResult> owners, String path) {
        List<Double> raw = new ArrayList<>();
        int forks = 0;
        String unit = metrics.getFirst().unit();
        for (int i = 0; i < metrics.size(); i++) {
            Metric m = metrics.get(i);
            JmhResult owner = owners.get(i);
            if (m.raw().isEmpty()) {
                throw new BadInputException(owner.source().file(), "no rawData at $[" + owner.index() + "]." + path
                        + " (" + Key.of(owner).label() + ") (expected: rawData in every round, to merge rounds)");
            }
            if (!m.unit().equals(unit)) {
                throw new BadInputException(owner.source().file(), "unit " + m.unit() + " at $[" + owner.index() + "]."
                        + path + " differs from the first round's " + unit + " (expected: the same unit in every round)");
            }
            raw.addAll(m.raw());
            forks += Math.max(m.forks(), 1);
        }
        double[] values = raw.stream().mapToDouble(Double::doubleValue).toArray();
        double mean = java.util.Arrays.stream(values).average().orElse(Double.NaN);
        double error = halfWidth(values, mean);
        return new Metric(mean, error, mean - error, mean + error, unit, new TreeMap<>(), values.length, raw, forks);
    }

    /** {@return JMH's scoreError of {@code values}: the 99.9% t interval's half-width, NaN below two values} */
    static double halfWidth(double[] values, double mean) {
        int n = values.length;
        if (n < 2) {
            return Double.NaN;
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        return t * sd / Math.sqrt(n);
    }
}
