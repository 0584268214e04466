package dev.crossover.eventloop;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A condition variable for tasks on one loop: asyncio's {@code Condition}. A task that holds the
 * lock {@link #await()}s: it releases the lock, waits for a {@link #notify(int)}, and holds the
 * lock again before its wait ends, even if the wait was cancelled (the cancellation is delivered
 * once the lock is back, as asyncio re-acquires before it re-raises).
 *
 * <h2>Usage</h2>
 * {@snippet :
 * // async with cond:
 * //     await cond.wait_for(lambda: queue)
 * //     item = queue.pop()
 * Task<String> item = cond.withLock(() -> cond.awaitUntil(() -> !queue.isEmpty())
 *         .thenApply(v -> queue.removeFirst()));
 * // async with cond: queue.append(x); cond.notify()
 * cond.withLock(() -> { queue.add(x); cond.notify(1); return Task.completed(null); });
 * }
 * The methods are {@code await} and {@code notify(int)}: {@link Object#wait()} and
 * {@link Object#notify()} are taken.
 *
 * <h2>Threading</h2>
 * Created and used on a loop thread only; every method throws {@link IllegalStateException} elsewhere.
 */
public final class AsyncCondition {
    private final EventLoop loop;
    private final AsyncLock lock;
    /** Tasks waiting for a notify, in arrival order; a cancelled one removes itself. */
    private final LinkedHashSet<Task<Void>> waiters = new LinkedHashSet<>();

    /** Creates a condition with a lock of its own. @throws IllegalStateException off a loop thread */
    public AsyncCondition() {
        this(new AsyncLock());
    }

    /** Creates a condition over {@code lock}, which others may share. @throws IllegalStateException off a loop thread */
    public AsyncCondition(AsyncLock lock) {
        this.loop = EventLoop.current();
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /** {@return a task that ends once the caller holds the lock}; as {@link AsyncLock#acquire()} */
    public Task<Void> acquire() {
        return lock.acquire();
    }

    /** Releases the lock; as {@link AsyncLock#release()}. */
    public void release() {
        lock.release();
    }

    /** {@return whether the lock is held} */
    public boolean isLocked() {
        return lock.isLocked();
    }

    /** {@return {@code body}'s task, run while holding the lock}: {@code async with cond} */
    public <T> Task<T> withLock(Supplier<? extends Task<T>> body) {
        return lock.withLock(body);
    }

    /**
     * {@return a task that ends with true once notified, the lock held again}: {@code await cond.wait()}.
     * Cancelling it while it waits for a notify takes it out of the line; it still ends only once
     * it holds the lock again, then cancelled.
     *
     * @throws IllegalStateException if the lock is not held (asyncio: "cannot wait on un-acquired lock")
     */
    public Task<Boolean> await() {
        loop.checkInLoop("AsyncCondition.await");
        checkLocked("await");
        Task<Void> notified = new Task<>(loop, "condition wait");
        waiters.add(notified);
        notified.cancelWith(() -> waiters.remove(notified));
        lock.release();
        Task<Boolean> result = new Task<>(loop, "condition wait");
        boolean[] cancelRequested = new boolean[1];
        result.cancelWith(new Task.CancelRequest() {
            @Override
            public boolean request() {
                cancelRequested[0] = true;
                notified.cancel();  // if still waiting; the lock is re-acquired either way
                return true;
            }
        });
        notified.whenDone(n -> reacquire(result, n.isCancelled() || cancelRequested[0], cancelRequested));
        return result;
    }

    /** Holds the lock again, whatever happens, then ends {@code result}: cancelled if it was. */
    private void reacquire(Task<Boolean> result, boolean cancelled, boolean[] cancelRequested) {
        lock.acquire().whenDone(a -> {
            if (!a.isSucceeded()) {
                reacquire(result, true, cancelRequested);  // only fail(...) ends an acquire we never cancel
            } else if (cancelled || cancelRequested[0]) {
                result.endCancelled();
            } else {
                result.complete(true);
            }
        });
    }

    /**
     * {@return a task that waits until {@code predicate} is true, the lock held}:
     * {@code await cond.wait_for(predicate)}; the predicate is checked at once, then after each notify.
     *
     * @throws IllegalStateException if the lock is not held
     */
    public Task<Boolean> awaitUntil(BooleanSupplier predicate) {
        Objects.requireNonNull(predicate, "predicate");
        loop.checkInLoop("AsyncCondition.awaitUntil");
        checkLocked("awaitUntil");
        if (predicate.getAsBoolean()) {
            return Task.completed(true);
        }
        return await().thenCompose(v -> awaitUntil(predicate));
    }

    /**
     * Wakes at most {@code n} waiting tasks, longest waiting first: {@code notify(n)}.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws IllegalStateException    if the lock is not held (asyncio: "cannot notify on un-acquired lock")
     */
    public void notify(int n) {
        dev.crossover.core.Checks.notNegative("n", n);
        loop.checkInLoop("AsyncCondition.notify");
        checkLocked("notify");
        var it = waiters.iterator();
        for (int woken = 0; woken < n && it.hasNext(); ) {
            Task<Void> waiter = it.next();
            it.remove();
            if (waiter.complete(null)) {
                woken++;
            }
        }
    }

    /** Wakes every waiting task: {@code notify_all()}. @throws IllegalStateException if the lock is not held */
    public void notifyAllWaiters() {
        notify(Integer.MAX_VALUE);
    }

    /** {@return how many tasks wait for a notify} */
    public int waiting() {
        loop.checkInLoop("AsyncCondition.waiting");
        return waiters.size();
    }

    private void checkLocked(String method) {
        if (!lock.isLocked()) {
            throw new IllegalStateException("condition." + method + ": lock unlocked (expected: held by the caller)");
        }
    }
}
