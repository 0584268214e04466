package dev.crossover.reports.html;

import dev.crossover.reports.chart.Line;
import dev.crossover.reports.chart.LineCharts;
import dev.crossover.reports.chart.Palette;
import dev.crossover.reports.crossover.Ideal;
import dev.crossover.reports.crossover.Latency;
import dev.crossover.reports.crossover.LoadPoint;
import dev.crossover.reports.crossover.LoadPoints;
import dev.crossover.reports.crossover.SteadyState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds latency against offered load: per open-loop workload point, a chart with one line per
 * model (p99 from intended start solid; p99 of service time dashed, labelled "(service)"; the SLO
 * as a grey level), the sentence naming the highest rate each model sustains within the SLO, and
 * the numbers.
 */
final class LoadSection {
    private final List<LoadPoint> points;
    private final List<String> sources;
    private final Palette palette;

    LoadSection(List<LoadPoint> points, List<String> sources, Palette palette) {
        this.points = points;
        this.sources = sources;
        this.palette = palette;
    }

    /** {@return one view per source and slice, by source, workload, wait and CPU} */
    List<Views.LoadView> views() {
        Map<LoadPoint.Slice, List<LoadPoint>> bySlice = LoadPoints.bySlice(points.stream()
                .sorted(Comparator.comparingInt((LoadPoint p) -> sources.indexOf(p.sourceLabel()))
                        .thenComparing(LoadPoint::workload, CrossoverSection.WORKLOADS).thenComparingDouble(LoadPoint::ioMillis)
                        .thenComparingDouble(LoadPoint::cpuMicros))
                .toList());
        List<Views.LoadView> out = new ArrayList<>();
        int n = 0;
        for (Map.Entry<LoadPoint.Slice, List<LoadPoint>> e : bySlice.entrySet()) {
            LoadPoint.Slice s = e.getKey();
            List<LoadPoint> ps = e.getValue();
            List<String> models = ps.stream().map(LoadPoint::model).distinct()
                    .sorted(Comparator.comparingInt(palette::order)).toList();
            String title = (sources.size() > 1 ? s.source() + " \u2014 " : "") + s.workload() + ": I/O "
                    + Format.number(s.ioMillis()) + " ms, CPU " + Format.number(s.cpuMicros()) + " \u00b5s (share "
                    + Format.percent(Ideal.cpuShare(s.ioMillis(), s.cpuMicros())) + ")" + HarnessSection.others(s.other());
            String svg = LineCharts.latencyVsLoad("p99 latency against offered load \u2014 " + title,
                    "p99 latency (ms)", lines(ps, models),
                    s.sloMicros() / 1000, "SLO " + Format.number(s.sloMicros() / 1000) + " ms", palette);
            out.add(new Views.LoadView("load-" + (++n), title, svg, LoadPoints.sloSentence(s, ps, models),
                    ps.stream().sorted(Comparator.comparingInt((LoadPoint p) -> models.indexOf(p.model()))
                            .thenComparingLong(LoadPoint::rate)).map(LoadSection::row).toList()));
        }
        return out;
    }

    /** Per model, p99 from intended start (solid) and p99 of service time (dashed), in milliseconds. */
    private List<Line> lines(List<LoadPoint> ps, List<String> models) {
        List<Line> lines = new ArrayList<>();
        for (String model : models) {
            Map<Boolean, List<Line.XY>> byKind = new LinkedHashMap<>();
            byKind.put(false, new ArrayList<>());
            byKind.put(true, new ArrayList<>());
            ps.stream().filter(p -> p.model().equals(model)).sorted(Comparator.comparingLong(LoadPoint::rate)).forEach(p -> {
                if (p.latency() != null) {
                    byKind.get(false).add(xy(p.rate(), p.latency()));
                }
                if (p.service() != null) {
                    byKind.get(true).add(xy(p.rate(), p.service()));
                }
            });
            int dash = 2 * Math.max(0, sources.indexOf(ps.get(0).sourceLabel()));
            if (!byKind.get(false).isEmpty()) {
                lines.add(new Line(model, model, dash, byKind.get(false)));
            }
            if (!byKind.get(true).isEmpty()) {
                lines.add(new Line(model, model + " (service)", dash + 1, byKind.get(true)));
            }
        }
        return lines;
    }

    private static Line.XY xy(long rate, Latency l) {
        double ms = l.p99() / 1000;
        return new Line.XY(rate, ms, Double.NaN, Double.NaN);
    }

    private static Views.LoadRow row(LoadPoint p) {
        Latency l = p.latency();
        Latency s = p.service();
        SteadyState.OpenLoop open = p.sidecar() == null ? null : p.sidecar().steady().open();
        String rejected = open != null && open.rejected() >= 0 ? Long.toString(open.rejected())
                : p.rejected() != null ? Format.number(p.rejected().score()) + "/s" : "";
        return new Views.LoadRow(p.model(), Format.number(p.rate()), p.load() >= 0 ? p.load() + "%" : "",
                Format.number(p.achieved().score()), rejected,
                l == null ? "" : Format.number(l.p50()), l == null ? "" : Format.number(l.p99()),
                l == null ? "" : Format.number(l.p999()), s == null ? "" : Format.number(s.p99()),
                open == null || Double.isNaN(open.lagP99()) ? "" : Format.number(open.lagP99()),
                l == null ? "" : p.sustained() ? "yes" : "no");
    }
}
