package dev.crossover.threads;

import dev.crossover.core.Checks;
import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.Lifecycle;
import dev.crossover.core.OwnedThreads;
import dev.crossover.core.Completion;
import dev.crossover.core.Ledger;
import dev.crossover.core.LockKind;
import dev.crossover.core.SharedState;
import dev.crossover.core.TaskSpec;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A model whose tasks block threads: what the four thread models share. Each subclass supplies
 * only its executor and how a fan-out's sub-waits get threads (if it runs fan-out at all);
 * waiting, gathering and shutdown are the same code for all four ({@link BlockingTask},
 * {@link FanOut}); admission is the driver's.
 *
 * <h2>Lifecycle</h2>
 * {@code OPEN -> CLOSED}. Threads or pools are made when the model is created; {@link #close()}
 * shuts them down and waits, bounded, until none of them is left.
 *
 * <h2>Threading</h2>
 * {@link #submit} hands the task to the executor and returns; the task's thread reports its
 * outcome (and the driver may submit the next task from there). Platform threads are named
 * {@code crossover-<model-id>-N}.
 *
 * <h2>Shared state</h2>
 * For the {@code shared} workload each task computes on its thread, then applies its transfer
 * under the lock {@code --lock} names ({@link LockedAccounts}), then reports its outcome.
 */
public abstract sealed class ThreadModel implements ConcurrencyModel, SharedState
        permits FixedPoolModel, ThreadPerTaskModel, ForkJoinModel, VirtualThreadModel {
    /** How long {@link #close()} waits for tasks to end before it interrupts them, then again after. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

    private final String id;
    private final Lifecycle lifecycle;
    private final OwnedThreads owned;
    private final ExecutorService executor;
    private final Optional<ThreadFactory> subWaits;
    private LockKind lock = LockKind.SYNCHRONIZED;
    /** Written by accept() on the driver's thread before it submits; the executor's handoff publishes it to the tasks. */
    private LockedAccounts shared;
    /** Real I/O; set by the provider before the model is handed out (see {@link #useIo}). */
    private volatile dev.crossover.core.BlockingIo io;

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
        this.io = new dev.crossover.core.BlockingIo(id, dev.crossover.core.IoOptions.none());
    }

    /** Makes the model's real I/O go where {@code options} say; called once, before the first task. */
    final void useIo(dev.crossover.core.IoOptions options) {
        this.io = new dev.crossover.core.BlockingIo(id, options);
    }

    @Override
    public final String mechanism(WorkloadKind kind) {
        return switch (kind) {
            case HTTP -> dev.crossover.core.BlockingIo.HTTP_MECHANISM;
            case FILE -> dev.crossover.core.BlockingIo.FILE_MECHANISM;
            default -> "blocking " + (id.equals("threads-virtual") ? "virtual" : "platform") + " threads";
        };
    }

    @Override
    public final String id() {
        return id;
    }

    /** @throws IllegalArgumentException if the workload is {@code fanout} and the model runs no fan-out */
    @Override
    public final void accept(Workload workload) {
        Checks.argument(workload.kind() != WorkloadKind.FANOUT || subWaits.isPresent(), "workload",
                workload.kind().id(), "sleep, cpu, mixed or null: model " + id + " runs no fan-out");
        if (workload.kind() == WorkloadKind.SHARED) {
            shared = LockedAccounts.of(lock, workload.accounts());
        }
    }

    /** Sets the lock that guards the {@code shared} workload's accounts; called once, before the first task. */
    final void guardWith(LockKind lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /** @throws IllegalStateException if no {@code shared} workload was accepted */
    @Override
    public final Ledger ledger() {
        if (shared == null) {
            throw new IllegalStateException("model " + id + ": no shared accounts (expected: a shared workload accepted)");
        }
        return shared.ledger();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the model is closed, or the platform cannot start another thread
     */
    @Override
    public final void submit(TaskSpec task, Completion done) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(done, "done");
        lifecycle.checkOpen();
        try {
            executor.execute(() -> runTask(task, done));
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("model " + id + ": closed (expected: submit before close)", e);
        } catch (OutOfMemoryError e) {
            // "unable to create native thread": the platform's limit on threads, a result in itself
            throw new IllegalStateException("model " + id + ": could not start a thread for task " + task.index()
                    + ": " + e.getMessage() + " (expected: the platform to allow a thread per task in flight)", e);
        }
    }

    private void runTask(TaskSpec spec, Completion done) {
        done.began();
        long result;
        try {
            result = BlockingTask.run(spec, subWaits.orElse(null), io, done);
            if (spec.transfers()) {
                shared.transfer(spec);
            }
        } catch (Throwable failure) {
            // A failed task is reported and the model goes on; an Error still reaches the thread's handler.
            done.failed(failure);
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();  // the pool is shutting down: let it see why
            } else if (failure instanceof Error error) {
                throw error;
            }
            return;
        }
        done.completed(result);
    }

    @Override
    public final void close() {
        if (lifecycle.close()) {
            io.close();  // first: a task blocked on a request ends now instead of at its timeout
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
