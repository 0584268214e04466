package dev.crossover.core;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A model's {@code OPEN -> CLOSED} state: {@link #checkOpen()} guards {@code run}, {@link #close()}
 * lets exactly one caller release resources.
 *
 * <h2>Threading</h2>
 * Safe from any thread.
 */
public final class Lifecycle {
    private final String modelId;
    private final AtomicBoolean closed = new AtomicBoolean();

    public Lifecycle(String modelId) {
        this.modelId = modelId;
    }

    /** @throws IllegalStateException if the model is closed */
    public void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("model " + modelId + ": closed (expected: run before close)");
        }
    }

    /** {@return true for the one call that moves the model to CLOSED}, false for every later call */
    public boolean close() {
        return closed.compareAndSet(false, true);
    }

    /** {@return whether the model is closed} */
    public boolean isClosed() {
        return closed.get();
    }
}
