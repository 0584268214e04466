package dev.crossover.reports.crossover;

import dev.crossover.reports.jmh.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides who wins each point by the margin rule ({@link Decision}): the leader (highest mean
 * throughput over its forks) wins the cell when it beats every other model by more than the margin;
 * when every other model is beaten or shown equivalent to it, and some are equivalent, they share
 * the cell; anything else is inconclusive. A NaN or infinite score never wins: it is shown as
 * "no result". A {@linkplain Point#dispatchBound() dispatch-bound} point is left out of the
 * comparison, and the cell's notes say so: the harness would decide it, not the model.
 */
public final class Winners {
    private Winners() {
    }

    /** {@return one cell per distinct point (everything but the model), in the points' order, at the default margin} */
    public static List<Cell> cells(List<Point> points) {
        return cells(points, List.of(), Decision.DEFAULT_MARGIN);
    }

    /** {@return {@link #cells(List, List, double)} at the default margin} */
    public static List<Cell> cells(List<Point> points, List<Cell.Missing> missing) {
        return cells(points, missing, Decision.DEFAULT_MARGIN);
    }

    /**
     * {@return one cell per distinct point, in the points' order, then cells that only failures reach}
     * @throws IllegalArgumentException if two points share a cell and a model
     */
    public static List<Cell> cells(List<Point> points, List<Cell.Missing> missing, double margin) {
        Map<Cell.Key, List<Point>> byKey = new LinkedHashMap<>();
        for (Point p : points) {
            byKey.computeIfAbsent(p.cellKey(), k -> new ArrayList<>()).add(p);
        }
        Map<Cell.Key, List<Cell.Missing>> missingByKey = new LinkedHashMap<>();
        for (Cell.Missing m : missing) {
            missingByKey.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m);
            byKey.computeIfAbsent(m.key(), k -> new ArrayList<>());
        }
        List<Cell> cells = new ArrayList<>();
        byKey.forEach((key, ps) -> cells.add(cell(key, ps, missingByKey.getOrDefault(key, List.of()), margin)));
        return cells;
    }

    /** {@return the cell of points that share {@code key}, decided by {@code margin}} */
    static Cell cell(Cell.Key key, List<Point> ps, List<Cell.Missing> missing, double margin) {
        Map<String, String> notes = new TreeMap<>();
        for (Point p : ps) {
            if (notes.containsKey(p.model()) || ps.stream().filter(o -> o.model().equals(p.model())).count() > 1) {
                throw new IllegalArgumentException("points: " + p.model() + " twice at " + key
                        + " (expected: one result per model and point)");
            }
            notes.put(p.model(), !p.throughput().hasScore() ? "no result"
                    : p.dispatchBound() ? join(p.dispatchNote() + ", left out", p.shortfall()) : p.shortfall());
        }
        missing.forEach(m -> notes.merge(m.model(), m.words(), Winners::join));
        notes.values().removeIf(String::isEmpty);
        List<Point> sorted = ps.stream().filter(p -> p.throughput().hasScore() && !p.dispatchBound())
                .sorted(Comparator.comparingDouble(Point::rate).reversed().thenComparing(Point::model))
                .toList();
        if (sorted.isEmpty()) {
            Cell.Outcome none = ps.stream().anyMatch(p -> p.throughput().hasScore() && p.dispatchBound())
                    ? Cell.Outcome.DISPATCH_BOUND : Cell.Outcome.NO_RESULT;
            return new Cell(key, null, none, List.of(), Double.NaN, Map.of(), notes, List.of());
        }
        Point best = sorted.get(0);
        Map<String, Metric> measured = new LinkedHashMap<>();
        sorted.forEach(p -> measured.put(p.model(), p.throughput()));
        if (sorted.size() == 1) {
            return new Cell(key, best.model(), Cell.Outcome.ALONE, List.of(), 1, measured, notes, List.of());
        }
        List<String> equivalent = new ArrayList<>();
        List<String> open = new ArrayList<>();
        List<Cell.Open> reach = new ArrayList<>();
        for (Point p : sorted.subList(1, sorted.size())) {
            Decision d = Decision.of(best.forkRates(), p.forkRates(), margin);
            switch (d.outcome()) {
                case BETTER -> {
                }
                case EQUIVALENT -> equivalent.add(p.model());
                default -> {
                    open.add(p.model());
                    reach.add(new Cell.Open(p.model(), d, Decision.forksToDecide(best.forkRates(), p.forkRates(), margin, Cell.REACH)));
                }
            }
        }
        Cell.Outcome outcome = !open.isEmpty() ? Cell.Outcome.INCONCLUSIVE
                : equivalent.isEmpty() ? Cell.Outcome.CLEAR : Cell.Outcome.EQUIVALENT;
        double lead = best.rate() / sorted.get(1).rate();
        return new Cell(key, best.model(), outcome, outcome == Cell.Outcome.INCONCLUSIVE ? open : equivalent,
                Double.isFinite(lead) ? lead : Double.NaN, measured, notes, reach);
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    /**
     * A winner map: one grid of cells with rows by CPU per task and columns by concurrency, for one
     * source, workload, I/O wait and set of other params.
     *
     * @param source      the source's label
     * @param workload    the workload id
     * @param ioMillis    the wait per task
     * @param other       the other params
     * @param cpuMicros   the rows, ascending
     * @param concurrency the columns, ascending
     * @param cells       the cells by row then column (a cell may be missing: null)
     */
    public record Grid(String source, String workload, double ioMillis, java.util.SortedMap<String, String> other,
                       List<Double> cpuMicros, List<Integer> concurrency, Map<Double, Map<Integer, Cell>> cells) {
        /** {@return the cell at a row and column, or null} */
        public Cell at(double cpu, int c) {
            return cells.getOrDefault(cpu, Map.of()).get(c);
        }
    }

    /** {@return the cells laid out as grids: one per source, workload, I/O wait and other params} */
    public static List<Grid> grids(List<Cell> cells) {
        record GridKey(String source, String workload, double io, java.util.SortedMap<String, String> other) {
        }
        Map<GridKey, List<Cell>> byGrid = new LinkedHashMap<>();
        for (Cell c : cells) {
            Point.Slice s = c.key().slice();
            byGrid.computeIfAbsent(new GridKey(s.source(), s.workload(), s.ioMillis(), s.other()),
                    k -> new ArrayList<>()).add(c);
        }
        List<Grid> grids = new ArrayList<>();
        byGrid.forEach((k, cs) -> {
            Map<Double, Map<Integer, Cell>> layout = new TreeMap<>();
            for (Cell c : cs) {
                layout.computeIfAbsent(c.key().slice().cpuMicros(), x -> new TreeMap<>()).put(c.key().concurrency(), c);
            }
            List<Integer> columns = cs.stream().map(c -> c.key().concurrency()).distinct().sorted().toList();
            grids.add(new Grid(k.source(), k.workload(), k.io(), k.other(), List.copyOf(layout.keySet()), columns, layout));
        });
        return grids;
    }
}
