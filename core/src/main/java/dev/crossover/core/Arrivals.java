package dev.crossover.core;

import java.util.Locale;

/**
 * An open loop's schedule: when arrival {@code i} is meant to start, from a rate and a seed.
 *
 * <p>{@link Kind#CONSTANT} spaces arrivals exactly {@code 1 / rate} apart; {@link Kind#POISSON}
 * draws each gap from an exponential distribution of mean {@code 1 / rate}, gap {@code i} from
 * {@code -ln(1 - u_i) / rate} with {@code u_i} the SplitMix64 hash of the seed and {@code i}, so
 * a seed always gives the same schedule.
 *
 * @param kind constant or Poisson
 * @param rate arrivals per second
 * @param seed the seed of the Poisson gaps
 */
public record Arrivals(Kind kind, double rate, long seed) {

    /** How arrivals are spaced. */
    public enum Kind {
        CONSTANT, POISSON;

        /** {@return the kind named {@code name}} @throws IllegalArgumentException if none is */
        public static Kind byName(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "constant" -> CONSTANT;
                case "poisson" -> POISSON;
                default -> throw new IllegalArgumentException("arrivals: " + name + " (expected: constant or poisson)");
            };
        }
    }

    public Arrivals {
        java.util.Objects.requireNonNull(kind, "kind");
        Checks.argument(rate > 0 && Double.isFinite(rate), "rate", rate, "> 0 tasks/s");
    }

    /** {@return a new schedule, from arrival 0} */
    Schedule schedule() {
        return new Schedule();
    }

    /** Offsets of successive arrivals from the loop's start; one thread walks it. */
    final class Schedule {
        private long index;
        private double offsetNanos;

        /** {@return the next arrival's offset from the start, in nanoseconds} */
        long next() {
            long offset = (long) offsetNanos;
            double gap = 1e9 / rate;
            if (kind == Kind.POISSON) {
                double u = Mix.unit(Mix.mix64(seed * Mix.GOLDEN + index));
                gap = -Math.log1p(-u) * gap;
            }
            offsetNanos += gap;
            index++;
            return offset;
        }
    }
}
