package dev.crossover.reports.history;

import java.util.ArrayList;
import java.util.List;

/**
 * A history as the CSV that Apache Otava (formerly Hunter) reads: a {@code time} column
 * (ISO-8601), a {@code commit} attribute, then one column per point's metric.
 *
 * <h2>Columns</h2>
 * A metric's column is its point's label with spaces as dots and its metric last, such as
 * {@code SleepBenchmark.run.thrpt.concurrency=3.model=eventloop.completed}: no comma, quote or
 * space, so the CSV needs no quoting. Otava cannot read an empty cell, so a run that lacks a point
 * gets the nearest earlier value (the first runs the nearest later one), the way Otava itself
 * fills gaps; {@link #filled()} counts them. {@link #config} is the matching {@code otava.yaml}
 * test, with each metric's direction (1 higher is better, -1 lower).
 *
 * @param csv    the CSV text
 * @param series the series in column order
 * @param filled how many cells were filled from a neighbouring run
 */
public record OtavaCsv(String csv, List<Series> series, int filled) {
    public OtavaCsv {
        series = List.copyOf(series);
    }

    /** {@return the CSV of {@code history}} */
    public static OtavaCsv of(List<HistoryRun> history) {
        List<Series> all = Series.of(history).stream().filter(s -> s.values().length > 0).toList();
        StringBuilder csv = new StringBuilder("time,commit");
        all.forEach(s -> csv.append(',').append(column(s)));
        csv.append('\n');
        int filled = 0;
        for (int r = 0; r < history.size(); r++) {
            csv.append(history.get(r).date()).append(',').append(history.get(r).commit().replaceAll("[,\"\\s]", "_"));
            for (Series s : all) {
                double v = s.at(r);
                if (Double.isNaN(v)) {
                    v = nearest(s, r);
                    filled++;
                }
                csv.append(',').append(number(v));
            }
            csv.append('\n');
        }
        return new OtavaCsv(csv.toString(), all, filled);
    }

    /** {@return the column name of {@code s}} */
    public static String column(Series s) {
        return (s.key().label() + " " + s.metric()).replaceAll("[\\s,\"']+", ".");
    }

    /** {@return an {@code otava.yaml} {@code tests:} entry named {@code test} that reads {@code file}} */
    public String config(String test, String file) {
        List<String> lines = new ArrayList<>(List.of("tests:", "  " + test + ":", "    type: csv",
                "    file: " + file, "    time_column: time", "    attributes: [commit]", "    metrics:"));
        for (Series s : series) {
            lines.add("      \"" + column(s) + "\":");
            lines.add("        direction: " + (s.higherIsBetter() ? 1 : -1));
        }
        return String.join("\n", lines) + "\n";
    }

    private static double nearest(Series s, int run) {
        double before = Double.NaN;
        for (int i = 0; i < s.runs().size() && s.runs().get(i) < run; i++) {
            before = s.values()[i];
        }
        return Double.isNaN(before) ? s.values()[0] : before;
    }

    private static String number(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
