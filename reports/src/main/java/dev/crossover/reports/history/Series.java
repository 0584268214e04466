package dev.crossover.reports.history;

import dev.crossover.reports.compare.Direction;
import dev.crossover.reports.compare.Key;
import dev.crossover.reports.compare.MetricChoice;
import dev.crossover.reports.jmh.JmhResult;
import dev.crossover.reports.jmh.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One point's measurements over a history, oldest first: the score of its compared metric in each
 * run that has the point with a finite score.
 *
 * @param key            the point: benchmark, mode and params
 * @param metric         the metric's name: {@code completed} for Crossover's runs, else {@code primary}
 * @param unit           the metric's unit in the newest run that has it
 * @param higherIsBetter the metric's {@link Direction}
 * @param runs           the index, in the history's runs, of each value
 * @param values         the scores, one per entry of {@code runs}
 */
public record Series(Key key, String metric, String unit, boolean higherIsBetter, List<Integer> runs, double[] values) {
    public Series {
        Objects.requireNonNull(key, "key");
        runs = List.copyOf(runs);
        values = values.clone();
        if (runs.size() != values.length) {
            throw new IllegalArgumentException("values: " + values.length + " (expected: one per run, " + runs.size() + ")");
        }
    }

    /** {@return every point's series over {@code history}, by key} */
    public static List<Series> of(List<HistoryRun> history) {
        Map<Key, List<Map.Entry<Integer, JmhResult>>> found = new TreeMap<>();
        for (int r = 0; r < history.size(); r++) {
            for (JmhResult result : history.get(r).results()) {
                found.computeIfAbsent(Key.of(result), k -> new ArrayList<>()).add(Map.entry(r, result));
            }
        }
        List<Series> out = new ArrayList<>();
        for (Map.Entry<Key, List<Map.Entry<Integer, JmhResult>>> e : found.entrySet()) {
            List<Map.Entry<Integer, JmhResult>> results = e.getValue();
            boolean completed = results.stream().allMatch(r -> r.getValue().secondary().containsKey(MetricChoice.COMPLETED));
            String name = completed ? MetricChoice.COMPLETED : MetricChoice.PRIMARY;
            List<Integer> runs = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (Map.Entry<Integer, JmhResult> r : results) {
                Metric m = metric(r.getValue(), name);
                if (m.hasScore()) {
                    runs.add(r.getKey());
                    values.add(m.score());
                }
            }
            JmhResult newest = results.getLast().getValue();
            Metric last = metric(newest, name);
            out.add(new Series(e.getKey(), name, last.unit(), Direction.higherIsBetter(newest.mode(), name, last), runs,
                    values.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }

    private static Metric metric(JmhResult r, String name) {
        return name.equals(MetricChoice.PRIMARY) ? r.primary() : r.secondary().get(name);
    }

    /** {@return the values whose runs lie in {@code [fromRun, toRun)}, oldest first} */
    public double[] between(int fromRun, int toRun) {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i) >= fromRun && runs.get(i) < toRun) {
                v.add(values[i]);
            }
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** {@return the run indices in {@code [fromRun, toRun)}, oldest first, matching {@link #between}} */
    public List<Integer> runsBetween(int fromRun, int toRun) {
        return runs.stream().filter(r -> r >= fromRun && r < toRun).toList();
    }

    /** {@return the value at {@code run}, NaN when the run lacks the point} */
    public double at(int run) {
        int i = runs.indexOf(run);
        return i < 0 ? Double.NaN : values[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && key.equals(s.key) && metric.equals(s.metric) && unit.equals(s.unit)
                && higherIsBetter == s.higherIsBetter && runs.equals(s.runs) && java.util.Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, metric, runs) * 31 + java.util.Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Series[" + key.label() + " " + metric + " " + java.util.Arrays.toString(values) + "]";
    }
}
