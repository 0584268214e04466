package dev.crossover.reports.crossover;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A point of the sweep that has no result, from the run's {@code failures.json}: it failed, or the
 * model was excluded from it (such as a model that rejects fan-out).
 *
 * @param benchmark the full benchmark name
 * @param params    every param, sorted by name
 * @param status    failed or excluded
 * @param message   why, as the run wrote it
 */
public record Failure(String benchmark, SortedMap<String, String> params, Status status, String message) {
    public Failure {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    /** {@return the model param, or "?" when absent} */
    public String model() {
        return params.getOrDefault("model", "?");
    }

    /** {@return the cell text, such as "excluded (rejects fan-out)" or "failed: worker died"} */
    public String words() {
        return switch (status) {
            case EXCLUDED -> "excluded" + (message.isBlank() ? "" : " (" + message + ")");
            case FAILED -> "failed" + (message.isBlank() ? "" : ": " + message);
        };
    }

    /** Why there is no result. */
    public enum Status {
        /** The point ran and failed. */
        FAILED,
        /** The model was not run at this point on purpose. */
        EXCLUDED
    }
}
