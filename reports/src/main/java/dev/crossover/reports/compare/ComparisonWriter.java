package dev.crossover.reports.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crossover.reports.html.Format;
import dev.crossover.reports.jmh.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Comparison} for people (one line per point, then the summary) or as JSON.
 *
 * <h2>Text</h2>
 * {@snippet lang = "text" :
 * REGRESSED  SleepBenchmark.run thrpt concurrency=100 model=eventloop  completed 1,960 ± 39.2 -> 1,500 ± 30 ops/s  -23.5%
 * UNCHANGED  SleepBenchmark.run thrpt concurrency=10 model=eventloop  completed 196 ± 15 -> 180 ± 15 ops/s  -8.2%  (within noise: 99.9% confidence intervals overlap)
 * 1 regressed, 0 improved, 1 unchanged, 0 missing, 0 new
 * warning: low power: 2 of 2 points rest on fewer than 3 forks a side (1 here): ...
 * }
 *
 * <h2>JSON</h2>
 * One object: {@code threshold} (a fraction), {@code metric}, {@code points} (worst first, each
 * with {@code verdict}, {@code benchmark}, {@code name}, {@code mode}, {@code params},
 * {@code metric}, {@code unit}, {@code higherIsBetter}, {@code baseline} and {@code current}
 * ({@code score}, {@code error}, {@code low}, {@code high}, or null when absent),
 * {@code changePercent}, {@code basis}, {@code pValue}, {@code note}, {@code forks}), {@code summary}
 * (a count per verdict, and {@code lowPower}: points on fewer than 3 forks a side), {@code warnings}
 * and {@code regression}. Numbers that are not finite are null.
 */
public final class ComparisonWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ComparisonWriter() {
    }

    /** {@return one line per point, worst first, then the summary line, then a line per warning (low power, environments)} */
    public static List<String> lines(Comparison comparison) {
        List<String> lines = new ArrayList<>();
        for (Change c : comparison.changes()) {
            lines.add(line(c));
        }
        lines.add(comparison.summary());
        warnings(comparison).forEach(w -> lines.add("warning: " + w));
        return lines;
    }

    /** {@return the warnings of {@code comparison}: its own, then the low-power one when it applies} */
    static List<String> warnings(Comparison comparison) {
        List<String> out = new ArrayList<>(comparison.warnings());
        if (!comparison.lowPowerWarning().isEmpty()) {
            out.add(comparison.lowPowerWarning());
        }
        return out;
    }

    /** {@return the line {@code compare} prints for {@code c}: verdict, point, metric, both measurements, change, note} */
    public static String line(Change c) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-10s ", c.verdict()))
                .append(c.key().label()).append("  ").append(c.metric()).append(' ')
                .append(measurement(c.baseline())).append(" -> ").append(measurement(c.current()))
                .append(' ').append(c.unit());
        if (!Double.isNaN(c.change())) {
            line.append("  ").append(percent(c.change()));
        }
        if (!c.note().isEmpty()) {
            line.append("  (").append(c.note()).append(')');
        }
        return line.toString();
    }

    /** {@return the comparison as one JSON object, {@code failOnMissing} deciding {@code regression}} */
    public static String json(Comparison comparison, boolean failOnMissing) {
        ObjectNode root = JSON.createObjectNode();
        number(root, "threshold", comparison.options().threshold());
        root.put("metric", comparison.options().metric().id());
        var points = root.putArray("points");
        for (Change c : comparison.changes()) {
            ObjectNode p = points.addObject();
            p.put("verdict", c.verdict().name());
            p.put("benchmark", c.key().benchmark());
            p.put("name", c.key().shortName());
            p.put("mode", c.key().mode());
            ObjectNode params = p.putObject("params");
            c.key().params().forEach(params::put);
            p.put("metric", c.metric());
            p.put("unit", c.unit());
            p.put("higherIsBetter", c.higherIsBetter());
            measurement(p, "baseline", c.baseline());
            measurement(p, "current", c.current());
            number(p, "changePercent", c.change() * 100);
            p.put("basis", c.significance().basis().id());
            number(p, "pValue", c.significance().pValue());
            p.put("note", c.note());
            p.put("forks", c.forks());
        }
        ObjectNode summary = root.putObject("summary");
        for (Verdict v : List.of(Verdict.REGRESSED, Verdict.IMPROVED, Verdict.UNCHANGED, Verdict.MISSING, Verdict.NEW,
                Verdict.UNITS_DIFFER)) {
            summary.put(v.id(), comparison.count(v));
        }
        summary.put("lowPower", comparison.lowPower().size());
        var warnings = root.putArray("warnings");
        warnings(comparison).forEach(warnings::add);
        root.put("regression", comparison.fails(failOnMissing));
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("comparison: not writable as JSON (expected: a tree of plain values)", e);
        }
    }

    static String measurement(Metric m) {
        if (m == null) {
            return "(absent)";
        }
        return Format.number(m.score()) + " \u00b1 " + (Double.isFinite(m.error()) ? Format.number(m.error()) : "?");
    }

    static String percent(double change) {
        if (Double.isInfinite(change)) {
            return change > 0 ? "+inf%" : "-inf%";
        }
        return String.format(Locale.ROOT, "%+.1f%%", change * 100);
    }

    private static void measurement(ObjectNode parent, String field, Metric m) {
        if (m == null) {
            parent.putNull(field);
            return;
        }
        ObjectNode o = parent.putObject(field);
        number(o, "score", m.score());
        number(o, "error", m.error());
        number(o, "low", m.low());
        number(o, "high", m.high());
        o.put("samples", m.samples());
    }

    private static void number(ObjectNode o, String field, double x) {
        if (Double.isFinite(x)) {
            o.put(field, x);
        } else {
            o.putNull(field);
        }
    }
}
