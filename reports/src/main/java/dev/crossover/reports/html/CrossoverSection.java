package dev.crossover.reports.html;

import dev.crossover.reports.chart.Line;
import dev.crossover.reports.chart.LineCharts;
import dev.crossover.reports.chart.Palette;
import dev.crossover.reports.crossover.Cell;
import dev.crossover.reports.crossover.Claims;
import dev.crossover.reports.crossover.Crossovers;
import dev.crossover.reports.crossover.Point;
import dev.crossover.reports.crossover.Winners;
import dev.crossover.reports.jmh.PythonRuns;
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
    private final double margin;

    CrossoverSection(List<Point> points, List<String> sources, Palette palette, double margin) {
        this.margin = margin;
        this.points = points;
        this.sources = sources;
        this.palette = palette;
    }

    List<Views.LegendItem> legend() {
        return points.stream().map(Point::model).distinct().sorted(Comparator.comparingInt(palette::order))
                .map(m -> new Views.LegendItem(PythonRuns.name(m), palette.hex(m), palette.textOn(m))).toList();
    }

    List<String> workloads() {
        return points.stream().map(Point::workload).distinct().sorted(WORKLOADS).toList();
    }

    /** Workloads in the report's order: sleep, cpu, mixed, http, fanout, then any other by name. */
    static final Comparator<String> WORKLOADS = Comparator
            .comparingInt((String w) -> WORKLOAD_ORDER.contains(w) ? WORKLOAD_ORDER.indexOf(w) : 99).thenComparing(w -> w);

    /**
     * {@return one sentence per source and workload: who wins where}, such as "sleep: netty wins at
     * C = 10,000 (50 ms); eventloop, netty, threads-virtual are equivalent at C = 1, 3 (1 ms);
     * inconclusive at C = 1,000 (50 ms)"; only a clear win counts as a win, a shared cell names
     * every model in it, and the counts of decided cells end the sentence
     */
    List<String> summary(List<Cell> cells) {
        List<String> out = new ArrayList<>();
        for (String source : sources) {
            for (String w : workloads()) {
                List<Cell> mine = cells.stream().filter(c -> c.key().slice().source().equals(source)
                        && c.key().slice().workload().equals(w)).toList();
                if (mine.isEmpty()) {
                    continue;
                }
                Map<String, List<String>> where = new LinkedHashMap<>();
                List<Cell> ordered = mine.stream().sorted(Comparator.comparingDouble((Cell c) -> c.key().slice().ioMillis())
                        .thenComparingDouble(c -> c.key().slice().cpuMicros()).thenComparingInt(c -> c.key().concurrency())).toList();
                for (Cell c : ordered) {
                    String who = switch (c.outcome()) {
                        case CLEAR -> c.winner() + " wins";
                        case EQUIVALENT -> String.join(", ", c.holders()) + " are equivalent";
                        case INCONCLUSIVE -> "inconclusive (best " + c.winner() + ", not told from " + String.join(", ", c.tied()) + ")";
                        case ALONE -> "only " + c.winner() + " measured";
                        case NO_RESULT -> "no result";
                        case DISPATCH_BOUND -> "dispatch-bound";
                    };
                    where.computeIfAbsent(who, k -> new ArrayList<>()).add(place(c, mine));
                }
                List<String> parts = new ArrayList<>();
                where.forEach((who, at) -> parts.add(who + " at " + String.join(", ", at)));
                long decided = mine.stream().filter(Cell::decided).count();
                out.add((sources.size() > 1 ? source + ", " : "") + w + ": " + String.join("; ", parts)
                        + " (" + decided + " of " + mine.size() + (mine.size() == 1 ? " cell" : " cells") + " decided)");
            }
        }
        return out;
    }

    /** {@return where a cell is, in as few words as its workload's cells need: "C = 3", "C = 3 (1 ms)", "C = 3, 67% CPU"} */
    private static String place(Cell c, List<Cell> all) {
        boolean waits = all.stream().map(x -> x.key().slice().ioMillis()).distinct().count() > 1;
        boolean shares = all.stream().map(x -> x.key().slice().cpuMicros()).distinct().count() > 1;
        boolean others = all.stream().map(x -> x.key().slice().other()).distinct().count() > 1;
        StringBuilder b = new StringBuilder("C = " + Format.number(c.key().concurrency()));
        List<String> extra = new ArrayList<>();
        if (waits) {
            extra.add(Format.number(c.key().slice().ioMillis()) + " ms");
        }
        if (shares) {
            extra.add(Format.percent(dev.crossover.reports.crossover.Ideal.cpuShare(c.key().slice().ioMillis(),
                    c.key().slice().cpuMicros())) + " CPU");
        }
        if (others) {
            extra.add(others(c.key().slice().other()).replaceFirst("^, ", ""));
        }
        if (!extra.isEmpty()) {
            b.append(" (").append(String.join(", ", extra)).append(')');
        }
        return b.toString();
    }

    /** {@return how many cells the data decided (a clear winner or a shared cell), and of how many with results} */
    static long[] decided(List<Cell> cells) {
        long judged = cells.stream().filter(c -> c.outcome() == Cell.Outcome.CLEAR || c.outcome() == Cell.Outcome.EQUIVALENT
                || c.outcome() == Cell.Outcome.INCONCLUSIVE).count();
        return new long[] {cells.stream().filter(Cell::decided).count(), judged};
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
            return new Views.CellView("", "", "not measured", "#ffffff", "#000000", "#cccccc", false, true, "empty", List.of());
        }
        List<String> notes = notes(c.notes());
        if (c.winner() == null) {
            return new Views.CellView(c.outcome().words(), "", String.join("; ", notes), "#f3f3f3", "#000000", "#999999",
                    true, false, "noresult", notes);
        }
        StringBuilder tip = new StringBuilder();
        c.measured().forEach((m, metric) -> {
            dev.crossover.reports.crossover.Estimate e = dev.crossover.reports.crossover.Estimate.of(metric);
            tip.append(tip.isEmpty() ? "" : "; ").append(m).append(' ')
                    .append(Format.number(e.forks() > 0 ? e.mean() : metric.score())).append(e.hasInterval()
                            ? " [" + Format.number(e.low()) + ", " + Format.number(e.high()) + "]" : " (no interval)");
        });
        String tooltip = tip + " tasks/s (mean of fork means, 95% interval)";
        return switch (c.outcome()) {
            case CLEAR -> new Views.CellView(PythonRuns.name(c.winner()), "\u00d7" + Format.number(c.margin()) + " over next", tooltip,
                    palette.hex(c.winner()), palette.textOn(c.winner()), palette.hex(c.winner()), false, false, "clear", notes);
            case EQUIVALENT -> new Views.CellView(String.join(" = ", c.holders().stream().map(PythonRuns::name).toList()), "equivalent within the margin", tooltip,
                    SHARED, "#000000", "#5b6b7a", true, false, "shared", notes);
            case ALONE -> new Views.CellView(PythonRuns.name(c.winner()), "only model", tooltip, "#f3f3f3", "#000000", "#999999", true, false,
                    "noresult", notes);
            default -> new Views.CellView("inconclusive", "best " + PythonRuns.name(c.winner()) + "; not told from "
                    + String.join(", ", c.open().isEmpty() ? c.tied().stream().map(PythonRuns::name).toList()
                            : c.open().stream().map(o -> PythonRuns.name(o.model()) + " " + o.decision().words()).toList()),
                    tooltip + (c.open().isEmpty() ? "" : "; forks a side that would decide it if its ratios and spreads held: "
                            + String.join(", ", c.open().stream().map(o -> PythonRuns.name(o.model()) + " " + reach(o.forksToDecide())).toList())),
                    "#ffffff", "#000000", "#8a6d00", true, false, "inconclusive", notes);
        };
    }

    /** {@return forks a side in words: "about 12", "more than 50" (beyond {@link Cell#REACH} or no spread to go by)} */
    static String reach(int forks) {
        return forks < 0 ? "more than " + Cell.REACH : "about " + forks;
    }

    /**
     * {@return what the undecided cells would take, such as "forks a side that would decide the 9 undecided
     * cells at their measured ratios and spreads: 6, 8, 14, more than 50 (6 cells)"}, or empty when every cell is decided
     */
    static String undecidedReach(List<Cell> cells) {
        List<Integer> within = cells.stream().filter(c -> c.outcome() == Cell.Outcome.INCONCLUSIVE)
                .map(Cell::forksToDecide).filter(n -> n >= 0).sorted().toList();
        long beyond = cells.stream().filter(c -> c.outcome() == Cell.Outcome.INCONCLUSIVE && c.forksToDecide() < 0).count();
        if (within.isEmpty() && beyond == 0) {
            return "";
        }
        List<String> parts = new ArrayList<>(within.stream().map(String::valueOf).toList());
        if (beyond > 0) {
            parts.add("more than " + Cell.REACH + (beyond > 1 ? " (" + beyond + " cells)" : ""));
        }
        return within.size() + beyond > 1
                ? "forks a side that would decide the " + (within.size() + beyond) + " undecided cells at their measured ratios and spreads: "
                        + String.join(", ", parts)
                : "forks a side that would decide the undecided cell at its measured ratios and spreads: " + parts.get(0);
    }

    /** The background of a cell that several models share: neutral, never one model's colour. */
    static final String SHARED = "#e4e9ee";

    List<Views.ClaimSet> claims(List<dev.crossover.reports.crossover.LoadPoint> load) {
        return claims(load, List.of());
    }

    /** {@return the claims per source}, {@code nulls} (the null workload's points) giving the harness's CPU per task */
    List<Views.ClaimSet> claims(List<dev.crossover.reports.crossover.LoadPoint> load, List<Point> nulls) {
        List<Views.ClaimSet> sets = new ArrayList<>();
        for (String source : sources) {
            List<Point> mine = points.stream().filter(p -> p.sourceLabel().equals(source)).toList();
            List<dev.crossover.reports.crossover.LoadPoint> myLoad = load.stream().filter(p -> p.sourceLabel().equals(source)).toList();
            if (mine.isEmpty() && myLoad.isEmpty()) {
                continue;
            }
            List<Point> jvm = new ArrayList<>(mine.stream().filter(p -> !PythonRuns.isPython(p.model())).toList());
            nulls.stream().filter(p -> p.sourceLabel().equals(source) && !PythonRuns.isPython(p.model())).forEach(jvm::add);
            List<Point> py = mine.stream().filter(p -> PythonRuns.isPython(p.model())).toList();
            List<dev.crossover.reports.crossover.Claim> onJvm = Claims.evaluate(jvm,
                    myLoad.stream().filter(p -> !PythonRuns.isPython(p.model())).toList(), margin);
            List<dev.crossover.reports.crossover.Claim> onPython = py.isEmpty() ? List.of() : Claims.evaluatePython(py,
                    myLoad.stream().filter(p -> PythonRuns.isPython(p.model())).toList(), margin);
            List<Views.ClaimView> views = new ArrayList<>();
            for (int i = 0; i < onJvm.size(); i++) {
                dev.crossover.reports.crossover.Claim c = onJvm.get(i);
                if (onPython.isEmpty()) {
                    views.add(new Views.ClaimView(c.claim(), c.experiment(), c.verdict().words(), verdictClass(c.verdict()),
                            c.evidence()));
                } else {
                    dev.crossover.reports.crossover.Claim p = onPython.get(i);
                    views.add(new Views.ClaimView(c.claim(), c.experiment(), c.verdict().words(), verdictClass(c.verdict()),
                            c.evidence(), p.verdict().words(), verdictClass(p.verdict()), p.evidence()));
                }
            }
            sets.add(new Views.ClaimSet(source, views));
        }
        return sets;
    }

    private static String verdictClass(dev.crossover.reports.crossover.Claim.Verdict v) {
        return switch (v) {
            case HOLDS -> "holds";
            case DOES_NOT_HOLD -> "fails";
            case EQUIVALENT -> "equivalent";
            case INCONCLUSIVE -> "inconclusive";
            case NOT_MEASURED -> "unmeasured";
        };
    }

    List<Views.WorkloadView> charts(List<Cell> cells) {
        // Only decided cells (a dispatch-bound point decides nothing) can make a crossover.
        List<Crossovers.Crossover> flips = Crossovers.find(cells);
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
                List<Views.ShortfallRow> shortfalls = ps.stream().filter(p -> !note(p).isEmpty())
                        .sorted(Comparator.comparing(Point::model).thenComparingInt(Point::concurrency))
                        .map(p -> new Views.ShortfallRow(p.model() + (sources.size() > 1 ? " \u00b7 " + p.sourceLabel() : ""),
                                Integer.toString(p.concurrency()), note(p)))
                        .toList();
                slices.add(new Views.SliceView(title, LineCharts.throughput("Throughput \u2014 " + title, throughput, ideal(ps), palette),
                        hasEfficiency ? LineCharts.efficiency("Efficiency \u2014 " + title, efficiency, palette) : null, words,
                        shortfalls));
            });
            out.add(new Views.WorkloadView("workload-" + w.replaceAll("[^A-Za-z0-9_-]", "_"), w, slices));
        }
        return out;
    }

    /**
     * {@return what a chart's point carries beside its value: short of C, dispatch-bound (left out of
     * cells and claims), or empty}
     */
    static String note(Point p) {
        String bound = p.dispatchBound() ? p.dispatchNote() + " (left out of the winner map and the claims)" : "";
        return bound.isEmpty() ? p.shortfall() : p.shortfall().isEmpty() ? bound : bound + "; " + p.shortfall();
    }

    private List<Line> lines(List<Point> ps, boolean efficiency) {
        Map<List<String>, List<Line.XY>> byLine = new LinkedHashMap<>();
        ps.stream().sorted(Comparator.comparing(Point::model).thenComparingInt(p -> sources.indexOf(p.sourceLabel()))
                        .thenComparingInt(Point::concurrency))
                .forEach(p -> {
                    Line.XY xy;
                    // the interval over the fork means where there are forks, else JMH's own
                    dev.crossover.reports.crossover.Estimate e = p.estimate();
                    double mid = e.forks() > 0 ? e.mean() : p.throughput().score();
                    double lo = e.hasInterval() ? e.low() : p.throughput().low();
                    double hi = e.hasInterval() ? e.high() : p.throughput().high();
                    if (efficiency) {
                        if (Double.isNaN(p.efficiency())) {
                            return;
                        }
                        xy = new Line.XY(p.concurrency(), mid / p.ideal(), lo / p.ideal(), hi / p.ideal());
                    } else {
                        xy = new Line.XY(p.concurrency(), mid, lo, hi);
                    }
                    byLine.computeIfAbsent(List.of(p.model(), p.sourceLabel()), k -> new ArrayList<>()).add(xy);
                });
        List<Line> lines = new ArrayList<>();
        byLine.forEach((k, xy) -> lines.add(new Line(k.get(0), PythonRuns.name(k.get(0)) + (sources.size() > 1 ? " \u00b7 " + k.get(1) : ""),
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
                        p.latency().count() < 0 ? "" : Long.toString(p.latency().count()),
                        Format.number(p.latency().p50()), Format.number(p.latency().p90()),
                        Format.number(p.latency().p99()), Format.number(p.latency().p999()), Format.number(p.latency().max())))
                .toList();
    }

    /**
     * One row per point whose run measured CPU time per task (points/*.json), in the latency table's
     * order, with that CPU time as a share of the task's wait when it waits.
     */
    List<Views.CpuRow> cpu() {
        return points.stream().filter(p -> p.sidecar() != null && p.sidecar().hasMeasuredCpu())
                .sorted(Comparator.comparing((Point p) -> workloads().indexOf(p.workload())).thenComparing(Point::model)
                        .thenComparingDouble(Point::ioMillis).thenComparingDouble(Point::cpuMicros).thenComparingInt(Point::concurrency))
                .map(p -> new Views.CpuRow(p.sourceLabel(), p.workload(), p.model(), Integer.toString(p.concurrency()),
                        "io " + Format.number(p.ioMillis()) + " ms, cpu " + Format.number(p.cpuMicros()) + " \u00b5s" + others(p.other()),
                        Format.number(p.sidecar().cpuMicrosPerTask()), Format.number(p.sidecar().cpuSecondsMeasured()),
                        p.ioMillis() > 0 ? Format.number(100 * p.sidecar().cpuMicrosPerTask() / (p.ioMillis() * 1000)) + "%" : ""))
                .toList();
    }

    /** Per source and model, the time to a ready model over its points (from the run's points/*.json). */
    List<Views.StartupRow> startup() {
        Map<List<String>, List<Double>> byModel = new LinkedHashMap<>();
        points.stream().filter(p -> p.sidecar() != null && Double.isFinite(p.sidecar().startupMillis()))
                .sorted(Comparator.comparingInt((Point p) -> sources.indexOf(p.sourceLabel()))
                        .thenComparingInt(p -> palette.order(p.model())).thenComparing(Point::model))
                .forEach(p -> byModel.computeIfAbsent(List.of(p.sourceLabel(), p.model()), k -> new ArrayList<>())
                        .add(p.sidecar().startupMillis()));
        List<Views.StartupRow> rows = new ArrayList<>();
        byModel.forEach((k, ms) -> {
            List<Double> sorted = ms.stream().sorted().toList();
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            rows.add(new Views.StartupRow(k.get(0), k.get(1), Integer.toString(n), Format.number(median),
                    Format.number(sorted.get(0)), Format.number(sorted.get(n - 1))));
        });
        return rows;
    }

    private static String others(SortedMap<String, String> other) {
        StringBuilder b = new StringBuilder();
        other.forEach((k, v) -> b.append(", ").append(k).append(' ').append(v));
        return b.toString();
    }

    /**
     * {@return one line per distinct note, the models that share it (e.g. a point excluded for
     * every model) named together at its start}
     */
    static List<String> notes(java.util.Map<String, String> byModel) {
        java.util.Map<String, List<String>> byNote = new java.util.LinkedHashMap<>();
        byModel.forEach((model, note) -> byNote.computeIfAbsent(note, n -> new java.util.ArrayList<>()).add(model));
        return byNote.entrySet().stream()
                .map(e -> String.join(", ", e.getValue()) + ": " + e.getKey())
                .toList();
    }
}
