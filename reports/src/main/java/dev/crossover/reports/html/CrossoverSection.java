package dev.crossover.reports.html;

import dev.crossover.reports.chart.Line;
import dev.crossover.reports.chart.LineCharts;
import dev.crossover.reports.chart.Palette;
import dev.crossover.reports.crossover.Cell;
import dev.crossover.reports.crossover.Claims;
import dev.crossover.reports.crossover.Crossovers;
import dev.crossover.reports.crossover.Point;
import dev.crossover.reports.crossover.Winners;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Builds the Crossover-specific parts of the report from the points of every source. */
final class CrossoverSection {
    private static final List<String> WORKLOAD_ORDER = List.of("sleep", "cpu", "mixed", "http", "fanout");

    private final List<Point> points;
    private final List<String> sources;
    private final Palette palette;

    CrossoverSection(List<Point> points, List<String> sources, Palette palette) {
        this.points = points;
        this.sources = sources;
        this.palette = palette;
    }

    List<Views.LegendItem> legend() {
        return points.stream().map(Point::model).distinct().sorted(Comparator.comparingInt(palette::order))
                .map(m -> new Views.LegendItem(m, palette.hex(m), palette.textOn(m))).toList();
    }

    List<String> workloads() {
        return points.stream().map(Point::workload).distinct()
                .sorted(Comparator.comparingInt((String w) -> WORKLOAD_ORDER.contains(w) ? WORKLOAD_ORDER.indexOf(w) : 99)
                        .thenComparing(w -> w))
                .toList();
    }

    /** One sentence per source and workload: who wins how many cells. */
    List<String> summary(List<Cell> cells) {
        List<String> out = new ArrayList<>();
        for (String source : sources) {
            for (String w : workloads()) {
                List<Cell> mine = cells.stream().filter(c -> c.key().slice().source().equals(source)
                        && c.key().slice().workload().equals(w)).toList();
                if (mine.isEmpty()) {
                    continue;
                }
                Map<String, Integer> wins = new TreeMap<>();
                mine.forEach(c -> wins.merge(c.winner(), 1, Integer::sum));
                long ties = mine.stream().filter(Cell::isTie).count();
                List<String> parts = wins.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .map(e -> e.getKey() + " " + e.getValue()).toList();
                out.add((sources.size() > 1 ? source + ", " : "") + w + ": wins by cell \u2014 " + String.join(", ", parts)
                        + " of " + mine.size() + (ties > 0 ? " (" + ties + " of them ties within the 99.9% intervals)" : ""));
            }
        }
        return out;
    }

    List<Views.MapView> maps(List<Cell> cells) {
        List<Views.MapView> maps = new ArrayList<>();
        List<Winners.Grid> grids = new ArrayList<>(Winners.grids(cells));
        grids.sort(Comparator.comparing((Winners.Grid g) -> sources.indexOf(g.source()))
                .thenComparing(g -> workloads().indexOf(g.workload())).thenComparingDouble(Winners.Grid::ioMillis));
        for (Winners.Grid g : grids) {
            List<String> columns = g.concurrency().stream().map(c -> "C = " + c).toList();
            List<Views.MapRow> rows = new ArrayList<>();
            for (double cpu : g.cpuMicros()) {
                List<Views.CellView> cellViews = new ArrayList<>();
                for (int c : g.concurrency()) {
                    cellViews.add(cell(g.at(cpu, c)));
                }
                rows.add(new Views.MapRow("CPU share " + Format.percent(dev.crossover.reports.crossover.Ideal.cpuShare(g.ioMillis(), cpu))
                        + " (cpu " + Format.number(cpu) + " \u00b5s)", cellViews));
            }
            String title = (sources.size() > 1 ? g.source() + " \u2014 " : "") + g.workload() + ", I/O wait "
                    + Format.number(g.ioMillis()) + " ms" + others(g.other());
            maps.add(new Views.MapView(title, columns, rows));
        }
        return maps;
    }

    private Views.CellView cell(Cell c) {
        if (c == null) {
            return new Views.CellView("", "", "not measured", "#ffffff", "#000000", "#cccccc", false, true);
        }
        StringBuilder tip = new StringBuilder();
        c.measured().forEach((m, metric) -> tip.append(tip.isEmpty() ? "" : "; ").append(m).append(' ')
                .append(Format.number(metric.score())).append(metric.hasInterval()
                        ? " [" + Format.number(metric.low()) + ", " + Format.number(metric.high()) + "]" : ""));
        String detail = c.isTie() ? "tie: " + String.join(", ", c.tied())
                : c.measured().size() > 1 ? "\u00d7" + Format.number(c.margin()) + " over next" : "only model";
        return new Views.CellView((c.isTie() ? "\u2248 " : "") + c.winner(), detail, tip + " tasks/s",
                c.isTie() ? palette.tint(c.winner()) : palette.hex(c.winner()),
                c.isTie() ? "#000000" : palette.textOn(c.winner()), palette.hex(c.winner()), c.isTie(), false);
    }

    List<Views.ClaimSet> claims() {
        List<Views.ClaimSet> sets = new ArrayList<>();
        for (String source : sources) {
            List<Point> mine = points.stream().filter(p -> p.sourceLabel().equals(source)).toList();
            if (mine.isEmpty()) {
                continue;
            }
            List<Views.ClaimView> views = Claims.evaluate(mine).stream().map(c -> new Views.ClaimView(c.claim(),
                    c.experiment(), c.verdict().words(), switch (c.verdict()) {
                        case HOLDS -> "holds";
                        case DOES_NOT_HOLD -> "fails";
                        case NOT_MEASURED -> "unmeasured";
                    }, c.evidence())).toList();
            sets.add(new Views.ClaimSet(source, views));
        }
        return sets;
    }

    List<Views.WorkloadView> charts() {
        List<Crossovers.Crossover> flips = Crossovers.find(points);
        record ChartKey(String workload, double io, double cpu, SortedMap<String, String> other) {
        }
        Map<ChartKey, List<Point>> byChart = new LinkedHashMap<>();
        points.stream().sorted(Comparator.comparingDouble(Point::ioMillis).thenComparingDouble(Point::cpuMicros))
                .forEach(p -> byChart.computeIfAbsent(new ChartKey(p.workload(), p.ioMillis(), p.cpuMicros(), p.other()),
                        k -> new ArrayList<>()).add(p));
        List<Views.WorkloadView> out = new ArrayList<>();
        for (String w : workloads()) {
            List<Views.SliceView> slices = new ArrayList<>();
            byChart.forEach((k, ps) -> {
                if (!k.workload().equals(w)) {
                    return;
                }
                String title = w + ": I/O " + Format.number(k.io()) + " ms, CPU " + Format.number(k.cpu()) + " \u00b5s (share "
                        + Format.percent(dev.crossover.reports.crossover.Ideal.cpuShare(k.io(), k.cpu())) + ")" + others(k.other());
                List<Line> throughput = lines(ps, false);
                List<Line> efficiency = lines(ps, true);
                boolean hasEfficiency = efficiency.stream().anyMatch(l -> !l.points().isEmpty());
                List<String> words = flips.stream().filter(f -> f.slice().workload().equals(w) && f.slice().ioMillis() == k.io()
                                && f.slice().cpuMicros() == k.cpu() && f.slice().other().equals(k.other()))
                        .map(f -> (sources.size() > 1 ? f.slice().source() + ": " : "") + f.sentence()).toList();
                slices.add(new Views.SliceView(title, LineCharts.throughput("Throughput \u2014 " + title, throughput, ideal(ps), palette),
                        hasEfficiency ? LineCharts.efficiency("Efficiency \u2014 " + title, efficiency, palette) : null, words));
            });
            out.add(new Views.WorkloadView("workload-" + w.replaceAll("[^A-Za-z0-9_-]", "_"), w, slices));
        }
        return out;
    }

    private List<Line> lines(List<Point> ps, boolean efficiency) {
        Map<List<String>, List<Line.XY>> byLine = new LinkedHashMap<>();
        ps.stream().sorted(Comparator.comparing(Point::model).thenComparingInt(p -> sources.indexOf(p.sourceLabel()))
                        .thenComparingInt(Point::concurrency))
                .forEach(p -> {
                    Line.XY xy;
                    if (efficiency) {
                        if (Double.isNaN(p.efficiency())) {
                            return;
                        }
                        xy = new Line.XY(p.concurrency(), p.efficiency(), p.throughput().low() / p.ideal(),
                                p.throughput().high() / p.ideal());
                    } else {
                        xy = new Line.XY(p.concurrency(), p.throughput().score(), p.throughput().low(), p.throughput().high());
                    }
                    byLine.computeIfAbsent(List.of(p.model(), p.sourceLabel()), k -> new ArrayList<>()).add(xy);
                });
        List<Line> lines = new ArrayList<>();
        byLine.forEach((k, xy) -> lines.add(new Line(k.get(0), sources.size() > 1 ? k.get(0) + " \u00b7 " + k.get(1) : k.get(0),
                sources.indexOf(k.get(1)), xy)));
        return lines;
    }

    private static List<Line.XY> ideal(List<Point> ps) {
        Map<Integer, Double> byC = new TreeMap<>();
        ps.stream().filter(p -> Double.isFinite(p.ideal())).forEach(p -> byC.putIfAbsent(p.concurrency(), p.ideal()));
        return byC.entrySet().stream().map(e -> new Line.XY(e.getKey(), e.getValue(), e.getValue(), e.getValue())).toList();
    }

    List<Views.LatencyRow> latency() {
        return points.stream().filter(p -> p.latency() != null)
                .sorted(Comparator.comparing((Point p) -> workloads().indexOf(p.workload())).thenComparing(Point::model)
                        .thenComparingDouble(Point::ioMillis).thenComparingDouble(Point::cpuMicros).thenComparingInt(Point::concurrency))
                .map(p -> new Views.LatencyRow(p.sourceLabel(), p.workload(), p.model(), Integer.toString(p.concurrency()),
                        "io " + Format.number(p.ioMillis()) + " ms, cpu " + Format.number(p.cpuMicros()) + " \u00b5s" + others(p.other()),
                        Long.toString(p.latency().count()), Format.number(p.latency().p50()), Format.number(p.latency().p90()),
                        Format.number(p.latency().p99()), Format.number(p.latency().p999()), Format.number(p.latency().max())))
                .toList();
    }

    private static String others(SortedMap<String, String> other) {
        StringBuilder b = new StringBuilder();
        other.forEach((k, v) -> b.append(", ").append(k).append(' ').append(v));
        return b.toString();
    }
}
