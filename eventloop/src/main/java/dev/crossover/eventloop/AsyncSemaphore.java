package dev.crossover.eventloop;

import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * A fair semaphore for tasks on one loop: asyncio's {@code Semaphore}, first come, first served.
 * A permit released while tasks wait goes to the one that has waited longest, never to a newcomer.
 *
 * <h2>Usage</h2>
 * {@snippet :
 * // sem = asyncio.Semaphore(10)
 * // async with sem: await fetch(url)
 * AsyncSemaphore sem = new AsyncSemaphore(10);
 * Task<String> page = sem.withPermit(() -> fetch(url));
 * }
 *
 * <h2>Threading</h2>
 * Created and used on a loop thread only; every method throws {@link IllegalStateException} elsewhere.
 */
public final class AsyncSemaphore {
    private final EventLoop loop;
    private final ArrayDeque<Task<Void>> waiters = new ArrayDeque<>();
    private int permits;

    /**
     * Creates a semaphore with {@code permits} permits on the calling loop.
     *
     * @throws IllegalArgumentException if {@code permits} is negative
     * @throws IllegalStateException    off a loop thread
     */
    public AsyncSemaphore(int permits) {
        dev.crossover.core.Checks.notNegative("permits", permits);
        this.loop = EventLoop.current();
        this.permits = permits;
    }

    /** {@return a task that ends once the caller holds a permit}; cancelling a waiting acquire leaves the queue */
    public Task<Void> acquire() {
        loop.checkInLoop("AsyncSemaphore.acquire");
        Task<Void> granted = new Task<>(loop, "semaphore acquire");
        if (permits > 0 && waiters.isEmpty()) {
            permits--;
            granted.complete(null);
            return granted;
        }
        waiters.add(granted);
        granted.cancelWith(() -> waiters.remove(granted));
        return granted;
    }

    /** Returns a permit: to the longest waiter still waiting if any, else to the pool. */
    public void release() {
        loop.checkInLoop("AsyncSemaphore.release");
        // A cancelled waiter has left the queue, but one ended by fail(...) is still in it: complete()
        // refuses it, and the permit goes on to the next waiter instead of being swallowed.
        for (Task<Void> next = waiters.poll(); next != null; next = waiters.poll()) {
            if (next.complete(null)) {
                return;  // the permit passes straight on
            }
        }
        permits++;
    }

    /** {@return {@code body}'s task, run while holding a permit, which is released when it ends}: {@code async with sem} */
    public <T> Task<T> withPermit(Supplier<? extends Task<T>> body) {
        return guarded(this, body);
    }

    /** {@return free permits} */
    public int available() {
        loop.checkInLoop("AsyncSemaphore.available");
        return permits;
    }

    /** {@return tasks waiting for a permit}, not counting waiters that have ended */
    public int waiting() {
        loop.checkInLoop("AsyncSemaphore.waiting");
        waiters.removeIf(Task::isDone);
        return waiters.size();
    }

    /** Runs {@code body} between {@code sem.acquire()} and {@code sem.release()}; shared with {@link AsyncLock}. */
    static <T> Task<T> guarded(AsyncSemaphore sem, Supplier<? extends Task<T>> body) {
        Task<Void> acquired = sem.acquire();
        Task<T> result = new Task<>(sem.loop, "guarded");
        result.cancelWith(acquired::cancel);
        acquired.whenDone(a -> {
            if (!a.isSucceeded()) {
                return;  // the acquire was cancelled, with result
            }
            if (result.isDone()) {
                sem.release();  // cancelled after the permit was granted: give it back
                return;
            }
            Task<T> inner;
            try {
                inner = body.get();
            } catch (RuntimeException e) {
                sem.release();
                result.fail(e);
                return;
            }
            inner.whenDone(i -> sem.release());
            result.follow(inner);
        });
        return result;
    }
}
