package dev.crossover.eventloop;

import java.util.function.Supplier;

/**
 * A fair semaphore that refuses to be released more often than acquired: asyncio's
 * {@code BoundedSemaphore}, which raises {@code ValueError} where this throws
 * {@link IllegalStateException}. Otherwise as {@link AsyncSemaphore}.
 *
 * <h2>Usage</h2>
 * {@snippet :
 * // sem = asyncio.BoundedSemaphore(2)
 * // sem.release()   # ValueError: BoundedSemaphore released too many times
 * AsyncBoundedSemaphore sem = new AsyncBoundedSemaphore(2);
 * sem.release();     // IllegalStateException
 * }
 *
 * <h2>Threading</h2>
 * Created and used on a loop thread only; every method throws {@link IllegalStateException} elsewhere.
 */
public final class AsyncBoundedSemaphore {
    private final AsyncSemaphore sem;
    private final int bound;

    /**
     * Creates a semaphore with {@code permits} permits, which is also the most it can hold.
     *
     * @throws IllegalArgumentException if {@code permits} is negative
     * @throws IllegalStateException    off a loop thread
     */
    public AsyncBoundedSemaphore(int permits) {
        this.sem = new AsyncSemaphore(permits);
        this.bound = permits;
    }

    /** {@return a task that ends once the caller holds a permit}; as {@link AsyncSemaphore#acquire()} */
    public Task<Void> acquire() {
        return sem.acquire();
    }

    /**
     * Returns a permit.
     *
     * @throws IllegalStateException if every permit is back already (released more often than acquired)
     */
    public void release() {
        int value = sem.value();
        if (value >= bound) {
            throw new IllegalStateException("bounded semaphore: " + value + " of " + bound
                    + " permits free (expected: fewer; released too many times)");
        }
        sem.release();
    }

    /** {@return {@code body}'s task, run while holding a permit}; as {@link AsyncSemaphore#withPermit} */
    public <T> Task<T> withPermit(Supplier<? extends Task<T>> body) {
        return AsyncSemaphore.guarded(sem, body);
    }

    /** {@return free permits}; as {@link AsyncSemaphore#available()} */
    public int available() {
        return sem.available();
    }
}
