package dev.crossover.reports.crossover;

import dev.crossover.reports.jmh.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides who wins each point: the model with the highest throughput, tied with every model whose
 * 99.9% confidence interval overlaps the winner's.
 */
public final class Winners {
    private Winners() {
    }

    /** {@return one cell per distinct point (everything but the model), in the points' order} */
    public static List<Cell> cells(List<Point> points) {
        Map<Cell.Key, List<Point>> byKey = new LinkedHashMap<>();
        for (Point p : points) {
            byKey.computeIfAbsent(p.cellKey(), k -> new ArrayList<>()).add(p);
        }
        List<Cell> cells = new ArrayList<>();
        byKey.forEach((key, ps) -> cells.add(cell(key, ps)));
        return cells;
    }

    /** {@return the cell of points that share {@code key}} */
    static Cell cell(Cell.Key key, List<Point> ps) {
        List<Point> sorted = ps.stream()
                .sorted(Comparator.comparingDouble((Point p) -> p.throughput().score()).reversed()
                        .thenComparing(Point::model))
                .toList();
        Point best = sorted.get(0);
        List<String> tied = new ArrayList<>();
        Map<String, Metric> measured = new LinkedHashMap<>();
        for (Point p : sorted) {
            measured.put(p.model(), p.throughput());
            if (p != best && p.throughput().overlaps(best.throughput())) {
                tied.add(p.model());
            }
        }
        double margin = sorted.size() < 2 ? 1
                : best.throughput().score() / sorted.get(1).throughput().score();
        return new Cell(key, best.model(), tied, Double.isFinite(margin) ? margin : Double.NaN, measured);
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
