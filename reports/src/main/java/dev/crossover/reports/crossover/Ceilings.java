package dev.crossover.reports.crossover;

import dev.crossover.reports.jmh.Metric;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Each model's dispatch ceiling in one run: the {@code null} workload's tasks per second
 * ({@code NullBenchmark}, tasks that neither wait nor compute), which is what the harness and the
 * model spend per task of their own. A model's ceiling is its highest over the concurrencies
 * measured; a point whose ideal is above half of it is {@linkplain Point#dispatchBound() dispatch-bound}.
 *
 * @param source  the source's label
 * @param byModel per model, the {@code completed} metric at each C
 */
public record Ceilings(String source, SortedMap<String, SortedMap<Integer, Metric>> byModel) {
    /** The workload id of {@code NullBenchmark}. */
    public static final String WORKLOAD = "null";

    public Ceilings {
        TreeMap<String, SortedMap<Integer, Metric>> copy = new TreeMap<>();
        byModel.forEach((m, byC) -> copy.put(m, Collections.unmodifiableSortedMap(new TreeMap<>(byC))));
        byModel = Collections.unmodifiableSortedMap(copy);
    }

    /** {@return the ceilings the null workload's points give} */
    public static Ceilings of(String source, List<Point> nullPoints) {
        TreeMap<String, SortedMap<Integer, Metric>> byModel = new TreeMap<>();
        for (Point p : nullPoints) {
            byModel.computeIfAbsent(p.model(), m -> new TreeMap<>()).put(p.concurrency(), p.throughput());
        }
        return new Ceilings(source, byModel);
    }

    /** {@return true if no model's ceiling was measured} */
    public boolean isEmpty() {
        return byModel.values().stream().noneMatch(byC -> byC.values().stream().anyMatch(Metric::hasScore));
    }

    /** {@return the model's ceiling, its highest finite tasks/s over C, or NaN when not measured} */
    public double of(String model) {
        return byModel.getOrDefault(model, new TreeMap<>()).values().stream().filter(Metric::hasScore)
                .mapToDouble(Metric::score).max().orElse(Double.NaN);
    }
}
