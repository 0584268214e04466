package dev.crossover.eventloop;

import java.util.Objects;

/**
 * How a task ended, as a value: what {@link Async#gatherOutcomes} returns for each task, like
 * asyncio's {@code gather(..., return_exceptions=True)}.
 *
 * @param <T> the type of a success's value
 */
public sealed interface Outcome<T> {

    /** {@return the outcome of a done task}; a cancellation is a {@link Failure} with a {@link java.util.concurrent.CancellationException} */
    static <T> Outcome<T> of(Task<? extends T> done) {
        return done.isSucceeded() ? new Success<>(done.result()) : new Failure<>(done.failure());
    }

    /** A task that ended with {@code value} (possibly null). */
    record Success<T>(T value) implements Outcome<T> {
    }

    /** A task that failed or was cancelled. */
    record Failure<T>(Throwable cause) implements Outcome<T> {
        public Failure {
            Objects.requireNonNull(cause, "cause");
        }
    }
}
