package dev.crossover.eventloop;

import java.util.function.Supplier;

/**
 * A fair mutual-exclusion lock for tasks on one loop: asyncio's {@code Lock}. It guards state across
 * the waits of a task (one callback needs no lock: callbacks never interleave).
 *
 * <h2>Usage</h2>
 * {@snippet :
 * // async with lock: balance = await read(); await write(balance + 1)
 * Task<Void> update = lock.withLock(() -> read().thenCompose(b -> write(b + 1)));
 * }
 *
 * <h2>Threading</h2>
 * Created and used on a loop thread only; every method throws {@link IllegalStateException} elsewhere.
 */
public final class AsyncLock {
    private final AsyncSemaphore permit = new AsyncSemaphore(1);

    /**
     * {@return a task that ends once the caller holds the lock}, in the next turn at the earliest;
     * waiters get it in arrival order, and one cancelled after the lock was handed to it passes the
     * lock on (see {@link AsyncSemaphore})
     */
    public Task<Void> acquire() {
        return permit.acquire();
    }

    /**
     * Releases the lock, to the longest waiter if any.
     *
     * @throws IllegalStateException if the lock is not held
     */
    public void release() {
        if (!isLocked()) {
            throw new IllegalStateException("lock: unlocked (expected: locked before release)");
        }
        permit.release();
    }

    /** {@return whether some task holds the lock} */
    public boolean isLocked() {
        return permit.available() == 0;
    }

    /** {@return {@code body}'s task, run while holding the lock}: {@code async with lock} */
    public <T> Task<T> withLock(Supplier<? extends Task<T>> body) {
        return AsyncSemaphore.guarded(permit, body);
    }
}
