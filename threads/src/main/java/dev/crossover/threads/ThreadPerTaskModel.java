package dev.crossover.threads;

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

    /** Makes {@code threads-per-task} models; found by {@link java.util.ServiceLoader}. */
    public static final class Provider extends ThreadModelProvider {
        public Provider() {
            super(ID, "a new platform thread per task, like a thread-per-request server",
                    options -> new ThreadPerTaskModel());
        }
    }
}
