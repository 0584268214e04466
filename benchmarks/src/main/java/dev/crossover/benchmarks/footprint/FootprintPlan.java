package dev.crossover.benchmarks.footprint;

import dev.crossover.benchmarks.Profile;
import java.util.List;

/**
 * The task counts each benchmark profile's footprint section measures, every model at each, after
 * the JMH sweep: none in {@code smoke} (CI's three minutes), up to 100,000 in {@code quick}, up to
 * 1,000,000 in {@code full}.
 */
public final class FootprintPlan {
    private FootprintPlan() {
    }

    /** {@return the task counts of {@code profile}'s footprint section, ascending; empty for none} */
    public static List<Integer> tasks(Profile profile) {
        return switch (profile) {
            case SMOKE -> List.of();
            // Not 10,000: with it the section took 90 s on the 2-core machine at a load average of 20
            // (threads-per-task's 10,000 thread starts alone 18 s); without it 47 s, inside quick's minute.
            case QUICK -> List.of(1_000, 100_000);
            case FULL -> List.of(1_000, 10_000, 100_000, 1_000_000);
        };
    }

    /** {@return the probe settings of a profile's footprint section: the command's defaults} */
    public static ProbeJvm.Settings settings() {
        return new ProbeJvm.Settings(DEFAULT_HEAP, true, DEFAULT_WAIT, DEFAULT_SPAWN_TIMEOUT);
    }

    /** The heap of every probe JVM unless {@code --heap} says otherwise: room for 1,000,000 virtual threads' stacks. */
    public static final String DEFAULT_HEAP = "4g";
    /** Each task's sleep unless {@code --wait} says otherwise: far beyond any spawn and measurement here. */
    public static final java.time.Duration DEFAULT_WAIT = java.time.Duration.ofMinutes(10);
    /** How long N tasks may take to begin unless {@code --spawn-timeout} says otherwise. */
    public static final java.time.Duration DEFAULT_SPAWN_TIMEOUT = java.time.Duration.ofSeconds(120);
}
