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
 * {@code threads-virtual}: a virtual thread per task, as a Loom-era server runs each request.
 *
 * <h2>Threading</h2>
 * Tasks run on {@link Executors#newVirtualThreadPerTaskExecutor()}, unnamed as everyday code
 * leaves them; a sleeping task unmounts from its carrier, so waiting costs no platform thread.
 * The carriers are the JVM's shared virtual-thread scheduler, which outlives the model.
 *
 * <h2>Fan-out</h2>
 * Supported: each sub-wait runs on a virtual thread of a per-task thread-per-task executor in
 * try-with-resources ({@link FanOut}), the Java 21 form of a task group without the preview
 * {@code StructuredTaskScope}: the first failure interrupts the siblings, and the task ends only
 * after all of them have.
 */
public final class VirtualThreadModel extends ThreadModel {
    /** The model's id. */
    public static final String ID = "threads-virtual";

    private final ThreadFactory threads = Thread.ofVirtual().factory();
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(threads);

    VirtualThreadModel() {
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

    /** Makes {@code threads-virtual} models; found by {@link java.util.ServiceLoader}. */
    public static final class Provider implements ModelProvider {
        @Override
        public String id() {
            return ID;
        }

        @Override
        public String description() {
            return "a virtual thread per task, like a Loom-era server";
        }

        @Override
        public ConcurrencyModel create(ModelOptions options) {
            return new VirtualThreadModel();
        }
    }
}
