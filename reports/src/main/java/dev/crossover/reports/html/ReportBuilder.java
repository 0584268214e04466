package dev.crossover.reports.html;

import dev.crossover.reports.chart.BarCharts;
import dev.crossover.reports.chart.Palette;
import dev.crossover.reports.crossover.Cell;
import dev.crossover.reports.crossover.Latency;
import dev.crossover.reports.crossover.LatencyLogs;
import dev.crossover.reports.crossover.Point;
import dev.crossover.reports.crossover.Points;
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
 * concurrency, crossovers, claims and latency; every other result gets a chart and a table per
 * benchmark class, grouped by method and params; every result appears in the final table.
 */
public final class ReportBuilder {
    private static final List<String> IDENTITY = List.of("cpuModel", "cores", "memoryBytes", "os", "hostname",
            "jdkVendor", "jdkVersion", "forkedJdkVersion", "vmName", "vmVersion", "jmhVersion", "profile",
            "gitCommit", "startTime", "endTime");

    private ReportBuilder() {
    }

    /** {@return the report's view of the loaded files, with each file's latency logs} */
    public static Views.Report build(List<Sources.Loaded> loaded, Map<Source, Map<LatencyLogs.Key, Latency>> latencies) {
        List<String> labels = loaded.stream().map(l -> l.source().label()).toList();
        List<Point> points = new ArrayList<>();
        List<JmhResult> generic = new ArrayList<>();
        List<JmhResult> all = new ArrayList<>();
        for (Sources.Loaded l : loaded) {
            List<Point> mine = Points.all(l.results(), latencies.getOrDefault(l.source(), Map.of()));
            points.addAll(mine);
            java.util.Set<JmhResult> used = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            mine.forEach(p -> used.add(p.result()));
            all.addAll(l.results());
            l.results().stream().filter(r -> !used.contains(r)).forEach(generic::add);
        }
        Palette palette = new Palette(points.stream().map(Point::model).distinct().toList());
        CrossoverSection crossover = new CrossoverSection(points, labels, palette);
        List<Cell> cells = Winners.cells(points);
        return new Views.Report(
                points.isEmpty() ? "JMH report" : "Crossover report: where each concurrency model wins",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                loaded.stream().map(l -> source(l.source())).toList(),
                !points.isEmpty(), crossover.summary(cells), crossover.legend(), crossover.maps(cells),
                crossover.claims(), crossover.charts(), crossover.latency(), generic(generic, labels),
                all.stream().map(ResultRows::of).toList());
    }

    private static Views.SourceView source(Source s) {
        List<Views.Field> fields = new ArrayList<>();
        for (String key : IDENTITY) {
            String v = s.get(key);
            if (v != null) {
                fields.add(new Views.Field(key, key.equals("memoryBytes") ? Format.bytes(v) : v));
            }
        }
        s.environment().forEach((k, v) -> {
            if (!IDENTITY.contains(k)) {
                fields.add(new Views.Field(k, v));
            }
        });
        return new Views.SourceView(s.label(), s.file().toString(), fields);
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
