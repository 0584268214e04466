package dev.crossover.core;

import java.util.Objects;

/**
 * The driver's per-task recording on its own, so its cost can be measured
 * ({@code RecorderBenchmark}); models never use it.
 *
 * <h2>Threading</h2>
 * {@link #attempt} and the returned completions from any thread.
 */
public final class Recording {
    private static final Attempt.Then NOTHING = attempt -> { };
    private final Books books;

    public Recording(Workload workload) {
        this.books = new Books(Objects.requireNonNull(workload, "workload"), false);
    }

    /** {@return the completion the driver would hand a model for {@code task}, submitted now} */
    public Completion attempt(TaskSpec task) {
        return new Attempt(books, task, System.nanoTime(), true, NOTHING);
    }

    /** {@return tasks completed so far} */
    public long completed() {
        return books.completed();
    }

    /** {@return the histograms recorded since the last call} */
    public Histograms take() {
        return books.take();
    }
}
