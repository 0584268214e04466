package dev.crossover.threads;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.ModelProvider;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
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
 * own, and the task gathers them with {@link FanOut} (the first failure interrupts the siblings,
 * and the task ends only after all of them have).
 */
public final class ThreadPerTaskModel extends ThreadModel {
    /** The model's id. */
    public static final String ID = "threads-per-task";

    private final ThreadFactory threads = platformThreads(ID);
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(threads);

    ThreadPerTaskModel() {
        super(ID);
    }

    @Override
    Executor executor() {
        return executor;
    }

    @Override
    Optional<ThreadFactory> subWaitThreads() {
        return Optional.of(threads);
    }

    @Override
    void shutdown() {
        shutdownAndAwait(executor, ID);
    }

    /** Makes {@code threads-per-task} models; found by {@link java.util.ServiceLoader}. */
    public static final class Provider implements ModelProvider {
        @Override
        public String id() {
            return ID;
        }

        @Override
        public String description() {
            return "a new platform thread per task, like a thread-per-request server";
        }

        @Override
        public ConcurrencyModel create(ModelOptions options) {
            return new ThreadPerTaskModel();
        }
    }
}
