package dev.crossover.threads;

import dev.crossover.core.OwnedThreads;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * {@code threads-virtual}: a virtual thread per task, as a Loom-era server runs each request.
 *
 * <h2>Threading</h2>
 * Tasks run on a virtual-thread-per-task executor (as {@link Executors#newVirtualThreadPerTaskExecutor()}
 * makes it, with a factory that records each thread so {@code close()} can join it), unnamed as
 * everyday code leaves them; a sleeping task unmounts from its carrier, so waiting costs no platform thread.
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

    VirtualThreadModel() {
        this(new OwnedThreads(ID));
    }

    private VirtualThreadModel(OwnedThreads owned) {
        this(owned, owned.factory(Thread.ofVirtual().factory()));
    }

    private VirtualThreadModel(OwnedThreads owned, ThreadFactory virtualThreads) {
        super(ID, owned, Executors.newThreadPerTaskExecutor(virtualThreads), Optional.of(virtualThreads));
    }

    /** Makes {@code threads-virtual} models; found by {@link java.util.ServiceLoader}. */
    public static final class Provider extends ThreadModelProvider {
        public Provider() {
            super(ID, "a virtual thread per task, like a Loom-era server", options -> new VirtualThreadModel());
        }
    }
}
