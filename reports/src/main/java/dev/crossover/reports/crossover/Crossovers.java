package dev.crossover.reports.crossover;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds where one model overtakes another: between two adjacent concurrencies both were measured
 * at, the order of their throughputs flips. The crossing is interpolated on the log of the ratio
 * against the log of C, and rounded to two significant digits.
 */
public final class Crossovers {
    private Crossovers() {
    }

    /**
     * One flip of order between two models.
     *
     * @param slice     the fixed params of the line pair
     * @param leader    the model ahead after the flip
     * @param trailer   the model ahead before the flip
     * @param atC       the interpolated concurrency of the flip
     * @param fromC     the measured concurrency before the flip
     * @param toC       the measured concurrency after the flip
     * @param clear     true if the order is clear at both ends (known intervals that do not overlap)
     */
    public record Crossover(Point.Slice slice, String leader, String trailer, double atC, int fromC, int toC,
                            boolean clear) {
        /** {@return the flip in words, such as "threads-virtual overtakes threads-fixed at C ≈ 300"} */
        public String sentence() {
            return leader + " overtakes " + trailer + " at C \u2248 " + round(atC)
                    + " (between C = " + fromC + " and C = " + toC + ")"
                    + (clear ? "" : "; the intervals overlap (or are unknown) at one end, so this flip is within the noise");
        }
    }

    /** {@return every flip among the points, per slice and model pair, by ascending C} */
    public static List<Crossover> find(List<Point> points) {
        Map<Point.Slice, Map<String, TreeMap<Integer, Point>>> lines = new java.util.LinkedHashMap<>();
        for (Point p : points) {
            lines.computeIfAbsent(p.slice(), s -> new TreeMap<>())
                    .computeIfAbsent(p.model(), m -> new TreeMap<>()).merge(p.concurrency(), p, (a, b) -> {
                        throw new IllegalArgumentException("points: " + p.model() + " twice at C = " + p.concurrency()
                                + " in " + p.slice() + " (expected: one result per model and point)");
                    });
        }
        List<Crossover> found = new ArrayList<>();
        lines.forEach((slice, byModel) -> {
            List<String> models = List.copyOf(byModel.keySet());
            for (int i = 0; i < models.size(); i++) {
                for (int j = i + 1; j < models.size(); j++) {
                    found.addAll(between(slice, byModel.get(models.get(i)), byModel.get(models.get(j))));
                }
            }
        });
        found.sort(java.util.Comparator.comparing((Crossover c) -> c.slice().toString()).thenComparingDouble(Crossover::atC));
        return found;
    }

    private static List<Crossover> between(Point.Slice slice, TreeMap<Integer, Point> a, TreeMap<Integer, Point> b) {
        List<Integer> common = a.keySet().stream().filter(b::containsKey).toList();
        List<Crossover> out = new ArrayList<>();
        for (int k = 0; k + 1 < common.size(); k++) {
            int c0 = common.get(k);
            int c1 = common.get(k + 1);
            double d0 = logRatio(a.get(c0), b.get(c0));
            double d1 = logRatio(a.get(c1), b.get(c1));
            if (!Double.isFinite(d0) || !Double.isFinite(d1) || d0 == 0 || d1 == 0 || Math.signum(d0) == Math.signum(d1)) {
                continue;
            }
            double t = d0 / (d0 - d1);
            double at = Math.exp(Math.log(c0) + t * (Math.log(c1) - Math.log(c0)));
            boolean clear = a.get(c0).throughput().against(b.get(c0).throughput()).isClear()
                    && a.get(c1).throughput().against(b.get(c1).throughput()).isClear();
            Point after1 = a.get(c1);
            Point after2 = b.get(c1);
            boolean aLeads = after1.throughput().score() > after2.throughput().score();
            out.add(new Crossover(slice, aLeads ? after1.model() : after2.model(),
                    aLeads ? after2.model() : after1.model(), at, c0, c1, clear));
        }
        return out;
    }

    private static double logRatio(Point a, Point b) {
        return Math.log(a.throughput().score() / b.throughput().score());
    }

    /** {@return x rounded to two significant digits, as an integer string when it is one} */
    static String round(double x) {
        if (!(x > 0) || !Double.isFinite(x)) {
            return String.valueOf(x);
        }
        double scale = Math.pow(10, Math.floor(Math.log10(x)) - 1);
        double r = Math.round(x / scale) * scale;
        return r >= 10 ? String.valueOf(Math.round(r)) : String.format(java.util.Locale.ROOT, "%.2g", r);
    }
}
