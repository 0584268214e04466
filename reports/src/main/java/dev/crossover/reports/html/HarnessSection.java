package dev.crossover.reports.html;

import dev.crossover.reports.chart.Palette;
import dev.crossover.reports.crossover.Ceilings;
import dev.crossover.reports.crossover.LoadPoint;
import dev.crossover.reports.crossover.Point;
import dev.crossover.reports.crossover.Sidecar;
import dev.crossover.reports.crossover.SteadyState;
import dev.crossover.reports.jmh.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds what the report says of the harness itself: each model's dispatch ceiling (the null
 * workload), the timer lateness at every waiting point, and the delay server's own figures at
 * every point that ran against it.
 */
final class HarnessSection {
    /** The ceilings section's words when no run measured any. */
    static final String NOT_MEASURED =
            "Ceilings not measured: no NullBenchmark in these results, so no point is marked dispatch-bound.";

    private final List<Point> points;
    private final List<LoadPoint> load;
    private final List<Ceilings> ceilings;
    private final List<String> sources;
    private final Palette palette;

    HarnessSection(List<Point> points, List<LoadPoint> load, List<Ceilings> ceilings, List<String> sources, Palette palette) {
        this.points = points;
        this.load = load;
        this.ceilings = ceilings;
        this.sources = sources;
        this.palette = palette;
    }

    /** {@return true if any run measured a ceiling} */
    boolean measured() {
        return ceilings.stream().anyMatch(c -> !c.isEmpty());
    }

    /** {@return the note beside the winner maps on dispatch-bound points} */
    String dispatchNote() {
        if (!measured()) {
            return NOT_MEASURED;
        }
        long bound = points.stream().filter(Point::dispatchBound).count();
        return "A point whose ideal throughput is above half its model's dispatch ceiling (see Dispatch ceilings) is "
                + "dispatch-bound: the harness would decide it, not the model, so that model is left out of the cell and "
                + "of every claim, and the cell says so. " + (bound == 0 ? "No point is dispatch-bound here."
                : bound + " point" + (bound == 1 ? " is" : "s are") + " dispatch-bound here.")
                + (ceilings.stream().anyMatch(Ceilings::isEmpty) && sources.size() > 1
                        ? " Runs without a NullBenchmark have no ceilings, and none of their points is marked." : "");
    }

    /** One table per run that measured ceilings: a row per model, a column per C. */
    List<Views.CeilingSet> ceilings() {
        List<Views.CeilingSet> out = new ArrayList<>();
        for (Ceilings c : ceilings) {
            if (c.isEmpty()) {
                continue;
            }
            TreeSet<Integer> cs = new TreeSet<>();
            c.byModel().values().forEach(byC -> cs.addAll(byC.keySet()));
            List<Views.CeilingRow> rows = new ArrayList<>();
            c.byModel().keySet().stream().sorted(Comparator.comparingInt(palette::order)).forEach(model -> {
                Map<Integer, Metric> byC = c.byModel().get(model);
                List<String> cells = cs.stream().map(k -> byC.containsKey(k) ? Format.number(byC.get(k).score()) : "").toList();
                double ceiling = c.of(model);
                List<Point> mine = points.stream()
                        .filter(p -> p.sourceLabel().equals(c.source()) && p.model().equals(model)).toList();
                long bound = mine.stream().filter(Point::dispatchBound).count();
                rows.add(new Views.CeilingRow(model, cells, Format.number(ceiling),
                        ceiling > 0 ? Format.number(1e6 / ceiling) : "", Format.number(ceiling / 2),
                        bound + " of " + mine.size()));
            });
            out.add(new Views.CeilingSet(c.source(), cs.stream().map(k -> "C = " + k).toList(), rows));
        }
        return out;
    }

    /** {@return the ceilings section's words when no run measured any, else empty} */
    String ceilingsNote() {
        return measured() ? "" : NOT_MEASURED;
    }

    /** One table per model of its waiting points' timer lateness (closed and open loop), in palette order. */
    List<Views.LatenessTable> lateness() {
        record Row(String source, String model, String workload, double io, double cpu, String other, int kind, long at,
                   SteadyState.Lateness l) {
        }
        List<Row> rows = new ArrayList<>();
        for (Point p : points) {
            SteadyState.Lateness l = waits(p.sidecar());
            if (l != null) {
                rows.add(new Row(p.sourceLabel(), p.model(), p.workload(), p.ioMillis(), p.cpuMicros(), others(p.other()),
                        0, p.concurrency(), l));
            }
        }
        for (LoadPoint p : load) {
            SteadyState.Lateness l = waits(p.sidecar());
            if (l != null) {
                rows.add(new Row(p.sourceLabel(), p.model(), p.workload(), p.ioMillis(), p.cpuMicros(),
                        others(p.other()), 1, p.rate(), l));
            }
        }
        Map<String, List<Row>> byModel = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparingInt((Row r) -> palette.order(r.model())).thenComparing(Row::model)
                        .thenComparingInt(r -> sources.indexOf(r.source())).thenComparingInt(Row::kind)
                        .thenComparing(Row::workload, CrossoverSection.WORKLOADS).thenComparingDouble(Row::io)
                        .thenComparingDouble(Row::cpu).thenComparing(Row::other).thenComparingLong(Row::at))
                .forEach(r -> byModel.computeIfAbsent(r.model(), m -> new ArrayList<>()).add(r));
        List<Views.LatenessTable> out = new ArrayList<>();
        byModel.forEach((model, rs) -> {
            double lo = rs.stream().mapToDouble(r -> r.l().p99()).min().orElse(Double.NaN);
            double hi = rs.stream().mapToDouble(r -> r.l().p99()).max().orElse(Double.NaN);
            String summary = model + ": p99 lateness "
                    + (lo == hi ? Format.number(lo) : Format.number(lo) + " to " + Format.number(hi))
                    + " \u00b5s over " + rs.size() + " waiting point" + (rs.size() == 1 ? "" : "s") + ".";
            out.add(new Views.LatenessTable(model, summary, rs.stream().map(r -> new Views.LatenessRow(r.source(),
                    r.workload() + (r.kind() == 1 ? " (open loop)" : ""),
                    "io " + Format.number(r.io()) + " ms, cpu " + Format.number(r.cpu()) + " \u00b5s" + r.other(),
                    r.kind() == 0 ? "C = " + r.at() : Format.number(r.at()) + " tasks/s",
                    Format.number(r.l().p50()), Format.number(r.l().p99()), Format.number(r.l().max()),
                    Format.number(r.l().count()))).toList()));
        });
        return out;
    }

    /** A point's delay server may have capped it when its median lateness exceeds this share of the asked wait. */
    static final double SERVER_CAP_SHARE = Point.SERVER_CAP_SHARE;

    /**
     * {@return one row per point that ran against the delay server (its record carries the server's
     * figures: the http points)}, by model in palette order, then run, wait and C; empty when none did
     */
    List<Views.ServerRow> server() {
        return points.stream().filter(p -> p.sidecar() != null && p.sidecar().server() != null)
                .sorted(Comparator.comparingInt((Point p) -> palette.order(p.model())).thenComparing(Point::model)
                        .thenComparingInt(p -> sources.indexOf(p.sourceLabel())).thenComparingDouble(Point::ioMillis)
                        .thenComparingDouble(Point::cpuMicros).thenComparing(p -> others(p.other()))
                        .thenComparingInt(Point::concurrency))
                .map(p -> {
                    Sidecar.Server s = p.sidecar().server();
                    return new Views.ServerRow(p.sourceLabel(), p.model(), "C = " + p.concurrency(),
                            Format.number(p.ioMillis()) + " ms" + (p.cpuMicros() > 0 ? ", cpu " + Format.number(p.cpuMicros())
                                    + " \u00b5s" : "") + others(p.other()),
                            Format.number(p.rate()), Format.number(s.requestsPerSecond()),
                            Format.number(s.latenessP50Micros()), Format.number(s.latenessP99Micros()),
                            p.serverCapped() ? "may have capped this point (left out of the claims)" : "not the bottleneck");
                }).toList();
    }

    /** {@return the delay server section's sentence: the rule, and at how many points the server was or may have been the bottleneck} */
    String serverNote() {
        List<Views.ServerRow> rows = server();
        if (rows.isEmpty()) {
            return "";
        }
        long capped = rows.stream().filter(r -> !r.verdict().equals("not the bottleneck")).count();
        String rule = "The rule: where the server's median lateness exceeds " + Format.percent(SERVER_CAP_SHARE)
                + " of the asked wait, the server may have capped the point (the rate it allows is C / (wait + "
                + "its lateness)), and the claims leave the point out; else it was not the bottleneck. ";
        return rule + (capped == 0
                ? "The delay server was not the bottleneck: its median lateness stayed within the rule "
                        + (rows.size() == 1 ? "at the one point." : "at all " + rows.size() + " points.")
                : "The server may have capped " + capped + " of the " + rows.size() + " point" + (rows.size() == 1 ? "" : "s")
                        + ": their throughput says as much of the server as of the model.");
    }

    /** {@return the lateness of a point whose workload waited, or null} */
    private static SteadyState.Lateness waits(Sidecar s) {
        return s == null || s.steady().lateness() == null || s.steady().lateness().count() == 0 ? null : s.steady().lateness();
    }

    static String others(java.util.SortedMap<String, String> other) {
        StringBuilder b = new StringBuilder();
        other.forEach((k, v) -> b.append(", ").append(k).append(' ').append(v));
        return b.toString();
    }
}
