package dev.crossover.reports.html;

import dev.crossover.reports.chart.BarCharts;
import dev.crossover.reports.chart.Palette;
import dev.crossover.reports.crossover.Ceilings;
import dev.crossover.reports.crossover.Cell;
import dev.crossover.reports.crossover.Failure;
import dev.crossover.reports.crossover.LatencyLogs;
import dev.crossover.reports.crossover.LoadPoint;
import dev.crossover.reports.crossover.LoadPoints;
import dev.crossover.reports.crossover.MethodVersions;
import dev.crossover.reports.crossover.Point;
import dev.crossover.reports.crossover.Points;
import dev.crossover.reports.crossover.RunFiles;
import dev.crossover.reports.crossover.Winners;
import dev.crossover.reports.jmh.JmhResult;
import dev.crossover.reports.jmh.Source;
import dev.crossover.reports.jmh.Sources;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the report's view from loaded files: Crossover points get the winner maps, charts against
 * concurrency, crossovers, claims, latency against offered load, dispatch ceilings, timer lateness,
 * latency, start-up times and failed points; every other result gets a chart and a table per
 * benchmark class, grouped by method and params; every result appears in the final table.
 */
public final class ReportBuilder {
    private static final List<String> IDENTITY = List.of("cpuModel", "cores", "memoryBytes", "os", "hostname",
            "jdkVendor", "jdkVersion", "forkedJdkVersion", "vmName", "vmVersion", "jmhVersion", "profile",
            "gitCommit", "gitDirty", "startTime", "endTime", "loadAverageStart", "loadAverageEnd");

    private ReportBuilder() {
    }

    /**
     * {@return the report's view of the loaded files, with each file's run files (latency logs, point records, failures)}
     * @throws dev.crossover.reports.BadInputException naming both files when two Crossover runs were measured by
     *                                                 different method versions
     */
    public static Views.Report build(List<Sources.Loaded> loaded, Map<Source, RunFiles> runFiles) {
        return build(loaded, runFiles, dev.crossover.reports.crossover.Decision.DEFAULT_MARGIN);
    }

    /** {@return {@link #build(List, Map)} with cells and claims decided by {@code margin} (0.05: 5%)} */
    public static Views.Report build(List<Sources.Loaded> loaded, Map<Source, RunFiles> runFiles, double margin) {
        List<String> labels = loaded.stream().map(l -> l.source().label()).distinct().toList();  // a Python run shares its JVM run's label
        List<Point> points = new ArrayList<>();
        List<LoadPoint> load = new ArrayList<>();
        List<Point> nulls = new ArrayList<>();  // the null workload's points: the harness's own CPU per task
        List<Ceilings> ceilings = new ArrayList<>();
        List<Cell.Missing> missing = new ArrayList<>();
        List<Views.FailureRow> failures = new ArrayList<>();
        List<JmhResult> generic = new ArrayList<>();
        Map<Source, Boolean> crossover = new LinkedHashMap<>();
        for (Sources.Loaded l : loaded) {
            RunFiles files = runFiles.getOrDefault(l.source(), RunFiles.NONE);
            Points.Found found = Points.read(l.results(), files);
            List<LoadPoint> mineLoad = LoadPoints.all(l.results(), files);
            List<Cell.Missing> mineMissing = missing(l.source(), found.points(), files.failures());
            points.addAll(found.points());
            nulls.addAll(found.ceilingPoints());
            load.addAll(mineLoad);
            ceilings.add(found.ceilings());
            missing.addAll(mineMissing);
            crossover.put(l.source(), !found.points().isEmpty() || !found.ceilings().byModel().isEmpty()
                    || !mineLoad.isEmpty() || !mineMissing.isEmpty());
            files.failures().forEach(f -> failures.add(new Views.FailureRow(l.source().label(), f.benchmark(), f.model(),
                    paramsLabel(f.params()), f.status().name().toLowerCase(java.util.Locale.ROOT), f.message())));
            l.results().stream().filter(r -> Points.of(r, files).isEmpty() && LoadPoints.of(r, files).isEmpty())
                    .forEach(generic::add);
        }
        Map<Source, Integer> versions = MethodVersions.check(loaded.stream().map(Sources.Loaded::source).toList(),
                runFiles, crossover);
        Map<JmhResult, Point> byResult = new java.util.IdentityHashMap<>();
        points.forEach(p -> byResult.put(p.result(), p));
        List<Views.ResultRow> rows = new ArrayList<>();
        for (Sources.Loaded l : loaded) {
            RunFiles files = runFiles.getOrDefault(l.source(), RunFiles.NONE);
            int version = versions.getOrDefault(l.source(), 1);
            l.results().forEach(r -> rows.add(ResultRows.of(r, files.points().get(new LatencyLogs.Key(r.benchmark(), r.params())),
                    version, byResult.containsKey(r) ? byResult.get(r).dispatchNote() : "")));
        }
        boolean isCrossover = crossover.containsValue(true);
        java.util.Set<String> models = new java.util.LinkedHashSet<>();
        points.forEach(p -> models.add(p.model()));
        missing.forEach(m -> models.add(m.model()));
        load.forEach(p -> models.add(p.model()));
        ceilings.forEach(c -> models.addAll(c.byModel().keySet()));
        Palette palette = new Palette(List.copyOf(models));
        CrossoverSection section = new CrossoverSection(points, labels, palette, margin);
        HarnessSection harness = new HarnessSection(points, load, ceilings, labels, palette);
        // a cell compares models one harness measured: the Python reference has its own driver and its own
        // kernel calibration, so where JVM points exist the cells hold them only (the Python models stay in
        // the charts, the tables and the claims' Python column); a Python-only report maps its own
        boolean jvm = points.stream().anyMatch(p -> !dev.crossover.reports.jmh.PythonRuns.isPython(p.model()));
        List<Cell> cells = Winners.cells(points.stream().filter(p -> !jvm || !dev.crossover.reports.jmh.PythonRuns.isPython(p.model()))
                .toList(), missing.stream().filter(m -> !jvm || !dev.crossover.reports.jmh.PythonRuns.isPython(m.model())).toList(),
                margin);
        List<Views.ClaimSet> claims = section.claims(load, nulls);
        List<String> trust = new ArrayList<>(Answer.trust(loaded.stream().map(Sources.Loaded::source).toList(), versions,
                runFiles, points, load));
        long[] decided = CrossoverSection.decided(cells);
        if (decided[1] > 0) {
            String reach = CrossoverSection.undecidedReach(cells);
            trust.add("winner-map cells decided (a clear winner or models shown equivalent): " + decided[0] + " of "
                    + decided[1] + " (" + Math.round(100.0 * decided[0] / decided[1]) + "%), margin " + Format.percent(margin)
                    + (reach.isEmpty() ? "" : "; " + reach));
        }
        return new Views.Report(
                isCrossover ? "Crossover report: where each concurrency model wins" : "JMH report",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                loaded.stream().map(l -> source(l.source(), versions.get(l.source()),
                        runFiles.getOrDefault(l.source(), RunFiles.NONE))).toList(),
                isCrossover, trust,
                section.summary(cells), section.legend(), section.maps(cells), harness.dispatchNote(),
                claims, section.charts(cells), new LoadSection(load, labels, palette).views(),
                harness.ceilings(), harness.ceilingsNote(), harness.lateness(), harness.server(), harness.serverNote(),
                section.latency(), section.startup(), section.cpu(), failures, generic(generic, labels), rows,
                Format.percent(margin), claimCounts(claims));
    }

    /** {@return the claims' verdicts counted, such as "12 claims: 3 hold, 2 do not hold, 1 equivalent, 2 inconclusive, 4 not measured"} */
    static String claimCounts(List<Views.ClaimSet> sets) {
        Map<String, Integer> n = new java.util.LinkedHashMap<>();
        for (String v : List.of("holds", "does not hold", "equivalent", "inconclusive", "not measured in this run")) {
            n.put(v, 0);
        }
        int all = 0;
        for (Views.ClaimSet set : sets) {
            for (Views.ClaimView c : set.claims()) {
                n.merge(c.verdict(), 1, Integer::sum);
                all++;
            }
        }
        List<String> parts = new ArrayList<>();
        n.forEach((v, k) -> {
            if (k > 0) {
                parts.add(k + " " + (v.equals("holds") && k > 1 ? "hold" : v.equals("does not hold") && k > 1 ? "do not hold"
                        : v.equals("not measured in this run") ? "not measured" : v));
            }
        });
        int measured = all - n.get("not measured in this run");
        int decided = n.get("holds") + n.get("does not hold") + n.get("equivalent");
        return all + " claims: " + String.join(", ", parts) + (measured > 0 ? "; decided " + decided + " of the "
                + measured + " measured" : "") + ". Each is a comparison by the margin, never one model's number.";
    }

    /** The cells each failure or exclusion belongs to, placed as its points would be. */
    private static List<Cell.Missing> missing(Source source, List<Point> points, List<Failure> failures) {
        List<Points.Slot> slots = new ArrayList<>();
        List<Failure> placed = new ArrayList<>();
        for (Failure f : failures) {
            Points.slot(source.label(), f.benchmark(), f.params()).ifPresent(s -> {
                slots.add(s);
                placed.add(f);
            });
        }
        List<String> methods = new ArrayList<>();
        points.forEach(p -> methods.add(p.workload() + "\n" + p.result().method()));
        slots.forEach(s -> methods.add(s.workload() + "\n" + s.method()));
        java.util.Set<String> several = Points.severalMethods(methods);
        List<Cell.Missing> out = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            Points.Slot s = slots.get(i);
            java.util.SortedMap<String, String> other = new java.util.TreeMap<>(s.other());
            if (several.contains(s.workload())) {
                other.put("method", s.method());
            }
            Points.Slot slot = new Points.Slot(s.source(), s.workload(), s.model(), s.concurrency(), s.ioMillis(),
                    s.cpuMicros(), other, s.method());
            out.add(new Cell.Missing(slot.cellKey(), s.model(), placed.get(i).words()));
        }
        return out;
    }

    static String paramsLabel(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append('=').append(v));
        return b.isEmpty() ? "(no params)" : b.toString();
    }

    /**
     * {@return the run record of a source}: its identity, the method its numbers were measured by
     * (null for a plain JMH file) and how its work was verified, with warnings for a busy machine and
     * for a failed check.
     */
    private static Views.SourceView source(Source s, Integer methodVersion, RunFiles files) {
        List<Views.Field> fields = new ArrayList<>();
        if (methodVersion != null) {
            fields.add(new Views.Field("method", MethodVersions.words(methodVersion)));
        }
        Verified verified = Verified.of(files);
        if (!verified.words().isEmpty()) {
            fields.add(new Views.Field("work verified", verified.words()));
        }
        for (String key : IDENTITY) {
            String v = s.get(key);
            if (v != null) {
                fields.add(new Views.Field(key, key.equals("memoryBytes") ? Format.bytes(v) : v));
            }
        }
        s.environment().forEach((k, v) -> {
            if (!IDENTITY.contains(k) && !k.equals("methodVersion")) {
                fields.add(new Views.Field(k, v));
            }
        });
        String warning = String.join(" ", java.util.stream.Stream.of(busy(s), verified.warning())
                .filter(w -> !w.isEmpty()).toList());
        return new Views.SourceView(s.label() + (dev.crossover.reports.jmh.PythonRuns.isPython(s) ? " \u00b7 Python reference" : ""),
                s.file().toString(), fields, warning);
    }

    /**
     * {@return a warning when other processes took more of the CPU than the run allowed, else empty}.
     * A run's {@code environment.json} says what other processes took on average over the run
     * ({@code otherCpuCores}, the run's own processes excluded) and the threshold
     * ({@code busyThresholdCores}, default a quarter of a core). A run written before those fields
     * existed has only its 1-minute load average at the start: then that decides, as it did
     * (above half the cores).
     */
    static String busy(Source s) {
        double other = parse(s.get("otherCpuCores"));
        if (!Double.isNaN(other)) {
            double threshold = parse(s.get("busyThresholdCores"));
            threshold = Double.isNaN(threshold) ? 0.25 : threshold;
            if (!(other > threshold)) {
                return "";
            }
            double steal = parse(s.get("stealCpuCores"));
            return "The machine was busy: other processes took " + Format.number(other) + " cores on average during the run"
                    + (steal >= 0.01 ? " (" + Format.number(steal) + " of them stolen by the hypervisor)" : "")
                    + ", above the threshold of " + Format.number(threshold) + ". Something else (a build, another "
                    + "program) was using the CPU, so points may read low and noisy.";
        }
        double cores = parse(s.get("cores"));
        double start = parse(s.get("loadAverageStart"));
        if (!(cores > 0) || !(start > cores / 2)) {
            return "";
        }
        return "The machine was busy: the 1-minute load average was " + Format.number(start)
                + " when the run started, over half the " + Format.number(cores) + " cores. Something else (a build "
                + "just before, another program) was using the CPU, so early points may read low and noisy.";
    }

    private static double parse(String text) {
        try {
            return text == null ? Double.NaN : Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** One chart and table per benchmark class, mode and unit. */
    static List<Views.GenericView> generic(List<JmhResult> results, List<String> labels) {
        Map<List<String>, List<JmhResult>> groups = new LinkedHashMap<>();
        for (JmhResult r : results) {
            groups.computeIfAbsent(List.of(r.benchmarkClass(), r.mode(), r.primary().unit()), k -> new ArrayList<>()).add(r);
        }
        List<Views.GenericView> views = new ArrayList<>();
        int n = 0;
        for (var e : groups.entrySet()) {
            String cls = e.getKey().get(0);
            String mode = e.getKey().get(1);
            String unit = e.getKey().get(2);
            List<JmhResult> group = e.getValue();
            java.util.Set<String> varying = new java.util.TreeSet<>();
            java.util.SortedMap<String, String> fixed = new java.util.TreeMap<>();
            group.forEach(r -> r.params().keySet().forEach(k -> {
                if (group.stream().map(x -> String.valueOf(x.params().get(k))).distinct().count() > 1) {
                    varying.add(k);
                } else {
                    fixed.put(k, r.params().get(k));
                }
            }));
            List<BarCharts.Bar> bars = new ArrayList<>();
            for (JmhResult r : group) {
                StringBuilder category = new StringBuilder(r.method());
                varying.forEach(k -> category.append(category.length() == r.method().length() ? " \u00b7 " : ", ")
                        .append(k).append('=').append(r.params().getOrDefault(k, "\u2013")));
                bars.add(new BarCharts.Bar(r.source().label(), category.toString(), r.primary().score(), r.primary().error()));
            }
            StringBuilder fixedText = new StringBuilder();
            fixed.forEach((k, v) -> fixedText.append(fixedText.isEmpty() ? "" : ", ").append(k).append('=').append(v));
            String better = group.get(0).primary().higherIsBetter() ? "higher is better" : "lower is better";
            String title = cls + " (" + modeName(mode) + ")";
            String svg = BarCharts.of(title, unit + " (" + better + "; bars: 99.9% CI)", bars, labels);
            views.add(new Views.GenericView("bench-" + (++n), title, fixedText.toString(), svg,
                    group.stream().map(ResultRows::of).toList()));
        }
        return views;
    }

    static String modeName(String mode) {
        return switch (mode) {
            case "thrpt" -> "throughput";
            case "avgt" -> "average time";
            case "sample" -> "sampled time";
            case "ss" -> "single shot";
            default -> mode;
        };
    }
}
