package dev.crossover.threads;

import dev.crossover.core.Checks;
import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.Lifecycle;
import dev.crossover.core.OwnedThreads;
import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A model whose tasks block threads: what the four thread models share. Each subclass supplies
 * only its executor and how a fan-out's sub-waits get threads (if it runs fan-out at all);
 * admission, waiting, gathering and shutdown are the same code for all four ({@link ClosedLoop},
 * {@link BlockingTask}, {@link FanOut}).
 *
 * <h2>Lifecycle</h2>
 * {@code OPEN -> CLOSED}. Threads or pools are made when the model is created; {@link #close()}
 * shuts them down and waits, bounded, until none of them is left.
 *
 * <h2>Threading</h2>
 * {@link #run} blocks the calling thread, which does the admission, until every task has finished.
 * Each run keeps its own admission permits and books, so runs from several threads at once are
 * safe, though they then share the model's threads. Platform threads are named
 * {@code crossover-<model-id>-N}.
 */
public abstract sealed class ThreadModel implements ConcurrencyModel
        permits FixedPoolModel, ThreadPerTaskModel, ForkJoinModel, VirtualThreadModel {
    /** How long {@link #close()} waits for tasks to end before it interrupts them, then again after. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

    private final String id;
    private final Lifecycle lifecycle;
    private final OwnedThreads owned;
    private final ExecutorService executor;
    private final Optional<ThreadFactory> subWaits;

    /**
     * @param owned    every thread {@code executor} and {@code subWaits} make, recorded as they are made
     * @param executor where each task runs; owned by the model, shut down by {@link #close()}
     * @param subWaits the threads a fan-out's sub-waits run on, or empty if the model runs no fan-out
     */
    ThreadModel(String id, OwnedThreads owned, ExecutorService executor, Optional<ThreadFactory> subWaits) {
        this.id = Objects.requireNonNull(id, "id");
        this.lifecycle = new Lifecycle(id);
        this.owned = Objects.requireNonNull(owned, "owned");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.subWaits = Objects.requireNonNull(subWaits, "subWaits");
    }

    @Override
    public final String id() {
        return id;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the workload is {@code fanout} and the model runs no fan-out
     * @throws IllegalStateException    if the model is closed
     */
    @Override
    public final RunResult run(Workload workload) {
        Objects.requireNonNull(workload, "workload");
        lifecycle.checkOpen();
        Checks.argument(workload.kind() != WorkloadKind.FANOUT || subWaits.isPresent(), "workload",
                workload.kind().id(), "sleep, cpu or mixed: model " + id + " runs no fan-out");
        return ClosedLoop.run(id, workload, executor, subWaits.orElse(null));
    }

    @Override
    public final void close() {
        if (lifecycle.close()) {
            shutdownAndAwait(executor, owned, id);
        }
    }

    /** {@return a factory of platform threads named {@code crossover-<id>-N}, each recorded in {@code owned}} */
    static ThreadFactory platformThreads(String id, OwnedThreads owned) {
        return owned.factory(Thread.ofPlatform().name("crossover-" + id + "-", 0).factory());
    }

    /**
     * Shuts {@code pool} down: lets running tasks end for {@link #CLOSE_GRACE}, then interrupts them
     * and waits as long again; then joins every thread the model made, because a pool reports
     * itself terminated before its last worker thread has exited (see {@link OwnedThreads}).
     *
     * @throws IllegalStateException if threads of the pool are still running after that
     */
    private static void shutdownAndAwait(ExecutorService pool, OwnedThreads owned, String id) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(CLOSE_GRACE.toNanos(), TimeUnit.NANOSECONDS)) {
                pool.shutdownNow();
                if (!pool.awaitTermination(CLOSE_GRACE.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw new IllegalStateException("model " + id + ": threads still running "
                            + CLOSE_GRACE.multipliedBy(2) + " after close (expected: every task ended)");
                }
            }
            owned.join(CLOSE_GRACE);
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
