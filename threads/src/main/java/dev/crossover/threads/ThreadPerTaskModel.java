package dev.crossover.threads;

import dev.crossover.core.ModelOptions;
import dev.crossover.core.OwnedThreads;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * {@code threads-per-task}: a new platform thread for every task, as a thread-per-request server
 * starts one per connection.
 *
 * <h2>Threading</h2>
 * Tasks run on threads of {@link Executors#newThreadPerTaskExecutor}, which knows its threads, so
 * {@link #close()} can wait for them. No thread is made before a task needs it: the cost of
 * starting a platform thread is part of what this model measures.
 *
 * <h2>Fan-out</h2>
 * Supported, the way thread-per-request code does it: each sub-wait gets a platform thread of its
 * own (named like the task threads), and the task gathers them with {@link FanOut}: the first
 * failure interrupts the siblings, and the task ends only after all of them have.
 */
public final class ThreadPerTaskModel extends ThreadModel {
    /** The model's id. */
    public static final String ID = "threads-per-task";

    ThreadPerTaskModel() {
        this(new OwnedThreads(ID));
    }

    private ThreadPerTaskModel(OwnedThreads owned) {
        this(owned, platformThreads(ID, owned));
    }

    private ThreadPerTaskModel(OwnedThreads owned, ThreadFactory threads) {
        super(ID, owned, Executors.newThreadPerTaskExecutor(threads), Optional.of(threads));
    }

    /**
     * The most tasks in flight a sweep gives this model in one point: on this project's 2-core
     * machine, a trial of 10,000 sleeping tasks in flight spent over four minutes starting its
     * platform threads before its first measured iteration (2026-12-01), against a point's budget
     * of seconds, and a fork at 1,000 waits of 50 ms took 31 s (56 s on http): a new platform thread
     * per task at 20,000 tasks/s is more than 2 cores start in time. Above it a sweep leaves the point
     * out, saying why.
     */
    static final int SWEEP_CONCURRENCY = 100;

    /** Makes {@code threads-per-task} models; found by {@link java.util.ServiceLoader}. */
    public static final class Provider extends ThreadModelProvider {
        public Provider() {
            super(ID, "a new platform thread per task, like a thread-per-request server",
                    options -> new ThreadPerTaskModel());
        }

        /**
         * {@inheritDoc} Here: {@value #SWEEP_CONCURRENCY}, the platform threads a sweep's point can
         * start in time, not a limit of the model itself (it starts one per task, as many as asked).
         */
        @Override
        public int sweepConcurrency(ModelOptions options) {
            return SWEEP_CONCURRENCY;
        }

        /** {@inheritDoc} Here: one, the task's own (a fan-out's sub-waits take one more each). */
        @Override
        public int threadsPerTask(ModelOptions options) {
            return 1;
        }
    }
}
