package dev.crossover.reports.compare;

import dev.crossover.reports.jmh.JmhResult;
import dev.crossover.reports.jmh.Metric;
import java.util.Objects;

/**
 * Which metric of each JMH entry to compare: {@code auto}, {@code primary} or a secondary metric's name.
 *
 * <p>{@code auto} picks the secondary metric {@value #COMPLETED} (Crossover's completed tasks per
 * second) when both entries have it, else the primary metric.
 */
public sealed interface MetricChoice {
    /** The secondary metric Crossover's benchmarks report their completed tasks in. */
    String COMPLETED = "completed";
    /** The name a comparison gives the primary metric. */
    String PRIMARY = "primary";

    /** {@code completed} when present, else the primary metric. */
    record Auto() implements MetricChoice {
    }

    /** Always the primary metric. */
    record Primary() implements MetricChoice {
    }

    /**
     * A secondary metric by its {@linkplain JmhResult#metricName(String) normalised name}.
     *
     * @param name the metric's name, such as {@code completed} or {@code gc.alloc.rate.norm}
     */
    record Named(String name) implements MetricChoice {
        public Named {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * {@return the choice {@code text} names: {@code auto}, {@code primary} or a secondary metric}
     *
     * @throws IllegalArgumentException if {@code text} is blank
     */
    static MetricChoice parse(String text) {
        Objects.requireNonNull(text, "text");
        return switch (text.strip()) {
            case "auto" -> new Auto();
            case PRIMARY -> new Primary();
            case "" -> throw new IllegalArgumentException(
                    "--metric: \"" + text + "\" (expected: auto, primary or a secondary metric's name)");
            default -> new Named(JmhResult.metricName(text.strip()));
        };
    }

    /** {@return the choice as the command line spells it} */
    default String id() {
        return switch (this) {
            case Auto a -> "auto";
            case Primary p -> PRIMARY;
            case Named n -> n.name();
        };
    }

    /** {@return the metric's name for these entries (either may be null, not both), or null when a named metric is absent} */
    default String nameFor(JmhResult base, JmhResult current) {
        return switch (this) {
            case Auto a -> (base == null || base.secondary().containsKey(COMPLETED))
                    && (current == null || current.secondary().containsKey(COMPLETED)) ? COMPLETED : PRIMARY;
            case Primary p -> PRIMARY;
            case Named n -> (base == null || base.secondary().containsKey(n.name()))
                    && (current == null || current.secondary().containsKey(n.name())) ? n.name() : null;
        };
    }

    /** {@return the metric {@code name} of {@code result}, or null when absent} */
    static Metric metric(JmhResult result, String name) {
        return name.equals(PRIMARY) ? result.primary() : result.secondary().get(name);
    }
}
