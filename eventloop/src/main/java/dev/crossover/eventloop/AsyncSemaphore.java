package dev.crossover.eventloop;

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
 * <h2>No permit is lost to a cancelled acquire</h2>
 * A permit for an acquire is handed to it first and delivered in a loop callback of the
 * semaphore's, which completes the acquire and runs its done callbacks at once (see
 * {@link Handoff}): an acquire cancelled in between, directly or through a stage or a task group
 * that awaits it, takes nothing, and its permit goes to the next waiter, or back to the semaphore
 * (python/cpython#90155 fixed the same in asyncio). So {@link #acquire} never ends inside the call:
 * its task is pending until that delivery, in the next turn, when its callbacks would run anyway;
 * a permit handed and not yet delivered is not {@link #available()}.
 *
 * <h2>Threading</h2>
 * Created and used on a loop thread only; every method throws {@link IllegalStateException} elsewhere.
 */
public final class AsyncSemaphore {
    private final EventLoop loop;
    private final Handoff<Void> waiters;
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
        this.waiters = new Handoff<>(loop, "semaphore acquire", new Handoff.Owner<>() {
            @Override
            public void unclaimed(Void permit) {
                AsyncSemaphore.this.permits++;
            }

            @Override
            public void delivered(Task<Void> task) {
                // a permit changes hands; nothing frees
            }
        });
    }

    /**
     * {@return a task that ends once the caller holds a permit}, delivered in the next turn at the
     * earliest; cancelling it before then leaves the queue, or passes on the permit it was handed
     */
    public Task<Void> acquire() {
        loop.checkInLoop("AsyncSemaphore.acquire");
        if (permits > 0 && !waiters.hasWaiter()) {
            permits--;
            return waiters.grant(null);
        }
        return waiters.await();
    }

    /** Returns a permit: to the longest waiter still waiting if any, else to the pool. */
    public void release() {
        loop.checkInLoop("AsyncSemaphore.release");
        // A cancelled waiter has left the queue, but one ended by fail(...) is still in it: the
        // hand-off skips it, and the permit goes on to the next waiter instead of being swallowed.
        if (!waiters.handToWaiter(null)) {
            permits++;
        }
    }

    /** {@return {@code body}'s task, run while holding a permit, which is released when it ends}: {@code async with sem} */
    public <T> Task<T> withPermit(Supplier<? extends Task<T>> body) {
        return guarded(this, body);
    }

    /** {@return free permits}, not counting those handed to an acquire and not yet delivered */
    public int available() {
        loop.checkInLoop("AsyncSemaphore.available");
        return permits;
    }

    /** {@return permits not held by any task}: free ones and those handed to an acquire not yet delivered */
    int value() {
        loop.checkInLoop("AsyncSemaphore.value");
        return permits + waiters.handedValues();
    }

    /** {@return tasks waiting for a permit}, not counting waiters that have ended or been handed one */
    public int waiting() {
        loop.checkInLoop("AsyncSemaphore.waiting");
        return waiters.waiting();
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
            } catch (Throwable t) {
                sem.release();
                result.failThenRethrowError(t);
                return;
            }
            inner.whenDone(i -> sem.release());
            result.follow(inner);
        });
        return result;
    }
}
