package dev.crossover.reports.crossover;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds where the lead changes: between two neighbouring concurrencies of one slice (the same
 * workload, wait, CPU and other params), both cells decided by the margin rule (a clear winner or
 * models shown equivalent) and no model holding both. A crossover is stated as that bracket,
 * never as an interpolated point: nothing was measured between the two.
 */
public final class Crossovers {
    private Crossovers() {
    }

    /**
     * One change of the lead between neighbouring concurrencies.
     *
     * @param slice  the fixed params
     * @param before the models holding the cell at {@code fromC} (one when clear, several when shared)
     * @param after  the models holding the cell at {@code toC}
     * @param fromC  the lower concurrency
     * @param toC    the next concurrency measured above it
     */
    public record Crossover(Point.Slice slice, List<String> before, List<String> after, int fromC, int toC) {
        public Crossover {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }

        /** {@return the change in words, such as "between C = 10 and C = 100 the lead passes from eventloop to threads-virtual"} */
        public String sentence() {
            return "between C = " + fromC + " and C = " + toC + " the lead passes from " + holders(before) + " to "
                    + holders(after);
        }

        /** {@return the bracket's geometric midpoint, rounded: where a refinement would measure next} */
        public int midpoint() {
            return (int) Math.round(Math.sqrt((double) fromC * toC));
        }

        private static String holders(List<String> models) {
            return models.size() == 1 ? models.get(0) : String.join(" = ", models) + " (equivalent)";
        }
    }

    /** {@return every change of the lead among {@code cells}, per slice by ascending C} */
    public static List<Crossover> find(List<Cell> cells) {
        Map<Point.Slice, TreeMap<Integer, Cell>> bySlice = new LinkedHashMap<>();
        for (Cell c : cells) {
            bySlice.computeIfAbsent(c.key().slice(), s -> new TreeMap<>()).put(c.key().concurrency(), c);
        }
        List<Crossover> found = new ArrayList<>();
        bySlice.forEach((slice, byC) -> {
            Cell last = null;
            for (Cell c : byC.values()) {
                if (last != null && last.decided() && c.decided()
                        && last.holders().stream().noneMatch(c.holders()::contains)) {
                    found.add(new Crossover(slice, last.holders(), c.holders(), last.key().concurrency(), c.key().concurrency()));
                }
                last = c;
            }
        });
        found.sort(Comparator.comparing((Crossover c) -> c.slice().toString()).thenComparingInt(Crossover::fromC));
        return found;
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
