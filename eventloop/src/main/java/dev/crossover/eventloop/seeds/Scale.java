package dev.crossover.eventloop.seeds;

import dev.crossover.core.Checks;
import java.time.Duration;

/**
 * Shrinks an example's durations: {@code new Scale(0.1).seconds(2)} is 200 ms, so the seeds'
 * multi-second examples run in a fraction of the time with the same shape.
 *
 * @param factor what every duration is multiplied by; positive
 */
public record Scale(double factor) {
    public Scale {
        Checks.argument(factor > 0 && Double.isFinite(factor), "scale", factor, "> 0");
    }

    /** {@return {@code seconds} of the article, scaled} */
    public Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * factor * 1e9));
    }
}
