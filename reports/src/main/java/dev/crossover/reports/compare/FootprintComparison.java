package dev.crossover.reports.compare;

import dev.crossover.reports.BadInputException;
import dev.crossover.reports.footprint.FootprintFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Two runs' {@code footprint.json} compared model by model: bytes per task (Pss and live heap)
 * and spawn µs per task, lower is better. Each side is one run (a footprint is a fit over one
 * JVM per N, with no interval), and identical runs here differ by more than any threshold a check
 * would use: between two quick runs back to back Pss per task moved by −34% to +52% and spawn time
 * by −15% to +34%, and over four quick runs the live heap per task agreed within 1% for eight models
 * but read 1,441 to 2,057 bytes for threads-virtual (the size of a parked virtual thread's stack
 * chunk depends on how its frames were compiled). So every figure is shown with its change as
 * {@link Verdict#NO_INTERVAL} and none fails a check, until a footprint repeats its JVMs per N; a
 * model or figure in one file only is {@link Verdict#MISSING} or {@link Verdict#NEW}.
 *
 * @param rows      every model and figure, worst first
 * @param threshold the threshold the comparison was asked for (the JMH points' rule; no footprint figure is judged by it)
 */
public record FootprintComparison(List<Row> rows, double threshold) {
    private static final Map<String, ToDoubleFunction<FootprintFile.Model>> FIGURES = new LinkedHashMap<>();

    static {
        FIGURES.put("bytes/task (Pss)", FootprintFile.Model::bytesPerTask);
        FIGURES.put("live heap bytes/task", FootprintFile.Model::liveHeapBytesPerTask);
        FIGURES.put("spawn us/task", FootprintFile.Model::spawnMicrosPerTask);
    }

    public FootprintComparison {
        rows = List.copyOf(rows);
    }

    /**
     * One model's figure on both sides.
     *
     * @param model    the model
     * @param figure   which figure, e.g. {@code bytes/task (Pss)}
     * @param baseline the baseline's value, NaN when absent
     * @param current  the current run's value, NaN when absent
     * @param verdict  the verdict
     */
    public record Row(String model, String figure, double baseline, double current, Verdict verdict) {
        /** {@return {@code (current - baseline) / |baseline|}, NaN unless both are there} */
        public double change() {
            return Double.isNaN(baseline) || Double.isNaN(current) || baseline == 0 ? Double.NaN
                    : (current - baseline) / Math.abs(baseline);
        }
    }

    /**
     * {@return {@code current} compared with {@code base} at {@code threshold}}
     *
     * @throws BadInputException naming the current file when the two were measured by different method versions
     */
    public static FootprintComparison of(FootprintFile base, FootprintFile current, double threshold) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(current, "current");
        if (base.methodVersion() != current.methodVersion()) {
            throw new BadInputException(current.file(), "methodVersion " + base.methodVersion() + " -> "
                    + current.methodVersion() + " (expected: the method version of " + base.file()
                    + "; a change in how a number is measured is not a regression)");
        }
        Map<String, FootprintFile.Model> before = byModel(base);
        Map<String, FootprintFile.Model> after = byModel(current);
        List<String> models = new ArrayList<>(before.keySet());
        after.keySet().stream().filter(m -> !before.containsKey(m)).forEach(models::add);
        List<Row> rows = new ArrayList<>();
        for (String model : models) {
            for (var figure : FIGURES.entrySet()) {
                double b = before.containsKey(model) ? figure.getValue().applyAsDouble(before.get(model)) : Double.NaN;
                double c = after.containsKey(model) ? figure.getValue().applyAsDouble(after.get(model)) : Double.NaN;
                if (Double.isNaN(b) && Double.isNaN(c)) {
                    continue;
                }
                Verdict v = Double.isNaN(c) ? Verdict.MISSING : Double.isNaN(b) ? Verdict.NEW : Verdict.NO_INTERVAL;
                rows.add(new Row(model, figure.getKey(), b, c, v));
            }
        }
        rows.sort(Comparator.comparing(Row::verdict).thenComparing(r -> Double.isNaN(r.change()) ? 0 : -r.change()));
        return new FootprintComparison(rows, threshold);
    }

    /** {@return how many rows have {@code verdict}} */
    public long count(Verdict verdict) {
        return rows.stream().filter(r -> r.verdict() == verdict).count();
    }

    /** {@return whether the comparison fails a CI check: only a missing figure, with {@code failOnMissing} (no figure is judged)} */
    public boolean fails(boolean failOnMissing) {
        return failOnMissing && count(Verdict.MISSING) > 0;
    }

    /** {@return one line per row, worst first, then a summary line} */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Row r : rows) {
            lines.add(String.format(Locale.ROOT, "%-10s footprint model=%s  %s %s -> %s  %s", r.verdict().name(), r.model(),
                    r.figure(), value(r.baseline()), value(r.current()), Double.isNaN(r.change()) ? ""
                            : String.format(Locale.ROOT, "%+.1f%% (lower is better; %s)", r.change() * 100,
                            "not judged: one JVM per N a side, and identical runs differ by more than a threshold")));
        }
        lines.add(String.format(Locale.ROOT, "footprint: %d regressed, %d improved, %d unchanged, %d missing, %d new, "
                        + "%d not judged (one JVM per N a side: no interval)",
                count(Verdict.REGRESSED), count(Verdict.IMPROVED), count(Verdict.UNCHANGED), count(Verdict.MISSING),
                count(Verdict.NEW), count(Verdict.NO_INTERVAL)));
        return lines;
    }

    private static String value(double x) {
        return Double.isNaN(x) ? "-" : dev.crossover.reports.html.Format.number(x);
    }

    private static Map<String, FootprintFile.Model> byModel(FootprintFile file) {
        Map<String, FootprintFile.Model> out = new LinkedHashMap<>();
        file.models().forEach(m -> out.put(m.model(), m));
        return out;
    }
}
