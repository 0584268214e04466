package dev.crossover.eventloop;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A result that an {@link EventLoop} will produce later: asyncio's {@code Future} and {@code Task}
 * in one type. Java has no {@code await}, so a coroutine is written as a chain of stages:
 * {@link #thenApply}, {@link #thenCompose} (the {@code await} of another task), {@link #exceptionally}.
 *
 * <h2>Usage</h2>
 * {@snippet :
 * // async def fetch_data():
 * //     await asyncio.sleep(3)
 * //     return "Data fetched"
 * static Task<String> fetchData() {
 *     return Async.sleep(Duration.ofSeconds(3)).thenApply(v -> "Data fetched");
 * }
 *
 * // task = asyncio.create_task(fetch_data()); print(await task)
 * Async.run(() -> Async.spawn(Example::fetchData).thenAccept(System.out::println));
 * }
 *
 * <h2>Cancellation</h2>
 * A task that stands for a wait (a sleep, an I/O wait, {@link #create}, a queue get) is a future:
 * {@link #cancel()} ends it at once with a {@link CancellationException} and releases what it
 * waits on (the timer, the selector key). A task that <em>awaits</em> another (a stage, a spawned
 * task) is like an asyncio {@code Task}: {@link #cancel()} cancels what it awaits and leaves it
 * pending, and the cancellation comes back to it through every stage between, where
 * {@link #onCancellation} ({@code except CancelledError}) and {@link #andFinally} ({@code finally})
 * can clean up or suppress it; {@link #cancelling()} and {@link #uncancel()} count the requests.
 * If it awaits nothing it could cancel (not started, or its source ended with the callback still
 * queued), its next step ends it cancelled instead. A stage whose source was cancelled is cancelled too.
 * {@snippet :
 * // task = asyncio.create_task(work()); task.cancel()   # work() sees CancelledError at its await
 * Task<Void> task = Async.spawn(() -> Async.sleep(Duration.ofHours(1))
 *         .andFinally(() -> release()));           // runs on cancellation too
 * task.cancel();                                   // true; task.isCancelled() once it has come back
 * }
 *
 * <h2>Failures</h2>
 * Whatever a stage's function throws fails the stage's task: any {@link Throwable}, a checked
 * exception thrown sneakily included (it would otherwise reach the loop's reporter and leave the
 * stage pending for ever). An {@link Error} fails the task too, and is then rethrown, so that it
 * ends the loop as {@link EventLoop} says an Error does.
 *
 * <h2>Threading</h2>
 * Every method that changes or observes a pending task ({@link #complete}, {@link #fail},
 * {@link #cancel}, {@link #whenDone} and the composition methods) must be called on the task's loop
 * thread and throws {@link IllegalStateException} elsewhere; done callbacks always run on the loop
 * thread, in a later turn (asyncio's {@code call_soon}), never inside the call that completed the
 * task. (The one place that runs them at once is a hand-off of {@link AsyncQueue} and
 * {@link AsyncSemaphore}: it completes a waiter in a loop callback of its own and runs the
 * waiter's callbacks in the same step, so that nothing can cancel the waiter in between; that is
 * still a later turn than the call that handed the waiter its value.) {@link #isDone()}, {@link #result()}, {@link #failure()} and {@link #join()} may be called from
 * any thread; {@link #join()} refuses the loop thread, where it would deadlock.
 *
 * <h2>Null policy</h2>
 * A task's value may be null ({@code Task<Void>}); every other argument must be non-null.
 *
 * @param <T> the type of the task's value
 */
public final class Task<T> {
    private static final int PENDING = 0;
    private static final int SUCCEEDED = 1;
    private static final int FAILED = 2;
    private static final int CANCELLED = 3;

    final EventLoop loop;
    private final String name;
    /** Written last when the task ends, so a reader that sees it done also sees value and failure. */
    private volatile int state;
    private T value;
    private Throwable failure;
    /** null, one callback, or a list of them; loop-confined. */
    private Object callbacks;
    /** What {@link #cancel()} must release as well; loop-confined, dropped when the task ends. */
    private Runnable canceller;
    /** Cancel requests not withdrawn by {@link #uncancel()}: asyncio's {@code _num_cancels_requested}. */
    private int cancelRequests;
    /**
     * A cancel was requested while the task awaited nothing it could cancel (not started yet, or its
     * awaited task done with its callback still queued): its next step ends it cancelled instead,
     * asyncio's {@code _must_cancel}.
     */
    private boolean mustCancel;

    Task(EventLoop loop, String name) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * {@return a pending task on the calling loop}, which the caller completes: asyncio's
     * {@code loop.create_future()}
     * @throws IllegalStateException if the caller is not a loop thread
     */
    public static <T> Task<T> create(String name) {
        return new Task<>(EventLoop.current(), name);
    }

    /** {@return a task on the calling loop that has already succeeded with {@code value}} */
    public static <T> Task<T> completed(T value) {
        Task<T> task = new Task<>(EventLoop.current(), "completed");
        task.complete(value);
        return task;
    }

    /** {@return a task on the calling loop that has already failed with {@code failure}} */
    public static <T> Task<T> failed(Throwable failure) {
        Task<T> task = new Task<>(EventLoop.current(), "failed");
        task.fail(failure);
        return task;
    }

    /** {@return the task's name, used in messages} */
    public String name() {
        return name;
    }

    /** {@return whether the task has ended: succeeded, failed or cancelled} */
    public boolean isDone() {
        return state != PENDING;
    }

    /** {@return whether the task ended with a value} */
    public boolean isSucceeded() {
        return state == SUCCEEDED;
    }

    /** {@return whether the task ended with a failure other than cancellation} */
    public boolean isFailed() {
        return state == FAILED;
    }

    /** {@return whether the task was cancelled} */
    public boolean isCancelled() {
        return state == CANCELLED;
    }

    /**
     * {@return the value of a task that succeeded}; asyncio's {@code Future.result()}
     * @throws CompletionException   if the task failed (the failure is its cause)
     * @throws CancellationException if the task was cancelled
     * @throws IllegalStateException if the task is not done
     */
    public T result() {
        return switch (state) {
            case SUCCEEDED -> value;
            case FAILED -> throw new CompletionException(name + ": failed", failure);
            case CANCELLED -> throw failure instanceof CancellationException c ? c : new CancellationException(name);
            default -> throw new IllegalStateException("task " + name + ": pending (expected: done)");
        };
    }

    /**
     * {@return the failure of a task that failed or was cancelled, null if it succeeded}; asyncio's
     * {@code Future.exception()}
     * @throws IllegalStateException if the task is not done
     */
    public Throwable failure() {
        if (state == PENDING) {
            throw new IllegalStateException("task " + name + ": pending (expected: done)");
        }
        return failure;
    }

    /**
     * Ends the task with {@code value}; asyncio's {@code set_result}.
     *
     * @return true if this call ended the task, false if it was done already
     * @throws IllegalStateException off the loop thread
     */
    public boolean complete(T value) {
        loop.checkInLoop("Task.complete");
        if (state != PENDING) {
            return false;
        }
        this.value = value;
        finish(SUCCEEDED);
        return true;
    }

    /**
     * Ends the task with {@code failure} (a {@link CancellationException} ends it cancelled);
     * asyncio's {@code set_exception}. Unlike {@link #cancel()}, it releases nothing upstream.
     *
     * @return true if this call ended the task, false if it was done already
     * @throws IllegalStateException off the loop thread
     */
    public boolean fail(Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        loop.checkInLoop("Task.fail");
        if (state != PENDING) {
            return false;
        }
        this.failure = failure;
        finish(failure instanceof CancellationException ? CANCELLED : FAILED);
        return true;
    }

    /**
     * Cancels the task if it is pending: a future at once, with what it waits on (a timer, a selector
     * key); a task that awaits another by cancelling that one, the cancellation coming back through
     * it (see Cancellation). A gather decides for itself ({@link Async#gather}).
     *
     * @return true if this call cancelled the task or requested its cancellation, false if it was done already
     * @throws IllegalStateException off the loop thread
     */
    public boolean cancel() {
        loop.checkInLoop("Task.cancel");
        if (state != PENDING) {
            return false;
        }
        cancelRequests++;
        Runnable release = canceller;
        if (release instanceof CancelRequest request) {
            return request.request();  // the task decides, and ends as what it cancelled ends
        }
        endCancelled();
        if (release != null) {
            release.run();
        }
        return true;
    }

    /**
     * {@return how many cancel requests this task has had and not withdrawn with {@link #uncancel()}}:
     * asyncio's {@code Task.cancelling()}. A task that awaits (a stage, a spawned task) stays pending
     * after {@link #cancel()} until the cancellation has come back through what it awaits, so this is
     * how such a task, or a handler inside it, tells that a cancel is on its way.
     * @throws IllegalStateException off the loop thread
     */
    public int cancelling() {
        loop.checkInLoop("Task.cancelling");
        return cancelRequests;
    }

    /**
     * Withdraws one cancel request: asyncio's {@code Task.uncancel()}, for code that cancelled the task
     * for a reason of its own and has handled it (a timeout that turned the cancellation into a
     * {@link java.util.concurrent.TimeoutException}, a task group that cancelled its body). Once no
     * request is left, a cancel requested before the task could deliver it is dropped too.
     *
     * @return the requests left
     * @throws IllegalStateException off the loop thread
     */
    public int uncancel() {
        loop.checkInLoop("Task.uncancel");
        if (cancelRequests > 0 && --cancelRequests == 0) {
            mustCancel = false;
        }
        return cancelRequests;
    }

    /**
     * Runs {@code callback} on the loop thread once the task is done (in a later turn, even if it is
     * done already); asyncio's {@code add_done_callback}.
     *
     * @throws IllegalStateException off the loop thread
     */
    public void whenDone(Consumer<? super Task<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        loop.checkInLoop("Task.whenDone");
        if (state != PENDING) {
            dispatch(callback);
        } else if (callbacks == null) {
            callbacks = callback;
        } else if (callbacks instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<Object> all = (List<Object>) list;
            all.add(callback);
        } else {
            List<Object> all = new ArrayList<>(2);
            all.add(callbacks);
            all.add(callback);
            callbacks = all;
        }
    }

    /** {@return a task with {@code fn} applied to this task's value}; failures and cancellation pass through */
    public <R> Task<R> thenApply(Function<? super T, ? extends R> fn) {
        Objects.requireNonNull(fn, "fn");
        Task<R> next = derived();
        whenDone(source -> {
            if (!next.isDone() && next.passOn(source)) {
                R value;
                try {
                    value = fn.apply(source.value);
                } catch (Throwable t) {
                    next.failThenRethrowError(t);
                    return;
                }
                next.complete(value);
            }
        });
        return next;
    }

    /** {@return a task that runs {@code action} on this task's value, then ends with null} */
    public Task<Void> thenAccept(Consumer<? super T> action) {
        Objects.requireNonNull(action, "action");
        return thenApply(v -> {
            action.accept(v);
            return null;
        });
    }

    /**
     * {@return a task that, once this one succeeds, follows the task {@code fn} returns}: the
     * {@code await} of asyncio, written as a stage
     */
    public <R> Task<R> thenCompose(Function<? super T, ? extends Task<R>> fn) {
        Objects.requireNonNull(fn, "fn");
        Task<R> next = derived();
        whenDone(source -> {
            if (!next.isDone() && next.passOn(source)) {
                Task<R> inner;
                try {
                    inner = fn.apply(source.value);
                } catch (Throwable t) {
                    next.failThenRethrowError(t);
                    return;
                }
                next.follow(inner);
            }
        });
        return next;
    }

    /**
     * {@return a task whose failure (not cancellation) {@code fn} turns into a value}: an
     * {@code except} clause
     */
    public Task<T> exceptionally(Function<? super Throwable, ? extends T> fn) {
        Objects.requireNonNull(fn, "fn");
        Task<T> next = derived();
        whenDone(source -> {
            if (next.isDone()) {
                return;
            }
            if (next.mustCancel) {
                next.endCancelled();
            } else if (source.state == FAILED) {
                T value;
                try {
                    value = fn.apply(source.failure);
                } catch (Throwable t) {
                    next.failThenRethrowError(t);
                    return;
                }
                next.complete(value);
            } else {
                next.copy(source);
            }
        });
        return next;
    }

    /**
     * {@return a task that runs {@code handler} if this task is cancelled, and ends as the task the
     * handler returns}: {@code except asyncio.CancelledError:}. Return {@link #failed} with the
     * exception to re-raise it after cleaning up, or a value to suppress it (then
     * {@link #uncancel()} the spawned task, as asyncio asks). Any other outcome passes through.
     * {@snippet :
     * // try:
     * //     await asyncio.sleep(3600)
     * // except asyncio.CancelledError:
     * //     print("cleaning up"); raise
     * Task<Void> work = Async.sleep(Duration.ofHours(1)).onCancellation(e -> {
     *     System.out.println("cleaning up");
     *     return Task.failed(e);
     * });
     * }
     * Cancelling the returned task, or a task that awaits it, cancels this one first, so the
     * handler runs: the cancellation is delivered into the running code, as asyncio delivers it.
     */
    public Task<T> onCancellation(Function<? super CancellationException, ? extends Task<T>> handler) {
        Objects.requireNonNull(handler, "handler");
        Task<T> next = derived();
        whenDone(source -> {
            if (next.isDone()) {
                return;
            }
            if (source.state == CANCELLED || next.mustCancel) {
                next.mustCancel = false;  // delivered: the handler has it
                CancellationException e = source.state == CANCELLED && source.failure instanceof CancellationException c
                        ? c : new CancellationException("task " + next.name + ": cancelled");
                Task<T> inner;
                try {
                    inner = handler.apply(e);
                } catch (Throwable t) {
                    next.failThenRethrowError(t);
                    return;
                }
                next.follow(inner);
            } else {
                next.copy(source);
            }
        });
        return next;
    }

    /**
     * {@return a task that, once this one has ended in any way, runs {@code cleanup} and waits for it,
     * then ends as this task ended}: {@code try: ... finally: await cleanup()}. If the cleanup fails,
     * that failure wins, as an exception raised in a {@code finally} block does. A cancel requested
     * meanwhile is delivered to this task first, so the cleanup runs after it too.
     */
    public Task<T> andFinally(java.util.function.Supplier<? extends Task<?>> cleanup) {
        Objects.requireNonNull(cleanup, "cleanup");
        Task<T> next = derived();
        whenDone(source -> {
            if (next.isDone()) {
                return;
            }
            boolean cancelled = next.mustCancel;
            next.mustCancel = false;  // delivered to the cleanup's end below
            Task<?> after;
            try {
                after = cleanup.get();
            } catch (Throwable t) {
                next.failThenRethrowError(t);
                return;
            }
            if (after == null) {
                next.fail(new NullPointerException("task " + next.name + ": cleanup returned null (expected: a Task)"));
                return;
            }
            if (next.canceller instanceof Awaits awaits) {
                awaits.now(after);
            }
            after.whenDone(c -> {
                if (c.state == FAILED) {
                    next.fail(c.failure);
                } else if (cancelled || next.mustCancel) {
                    next.endCancelled();
                } else {
                    next.copy(source);
                }
            });
        });
        return next;
    }

    /**
     * Waits for the task from another thread and returns its value.
     *
     * @throws IllegalStateException if called on the loop thread (waiting there would deadlock), or
     *                               if the loop ended before the task did
     * @throws CompletionException   if the task failed
     * @throws CancellationException if the task was cancelled
     * @throws InterruptedException  if the waiting thread is interrupted
     */
    public T join() throws InterruptedException {
        if (loop.inLoop()) {
            throw new IllegalStateException("Task.join: called on the event loop thread " + loop.name()
                    + " for task " + name + " (expected: another thread; the loop would wait for itself and "
                    + "deadlock; use thenApply/thenCompose instead)");
        }
        if (!isDone()) {
            CompletableFuture<Void> signal = new CompletableFuture<>();
            try {
                loop.execute(() -> whenDone(t -> signal.complete(null)));
            } catch (RejectedExecutionException e) {
                signal.complete(null);
            }
            // Polls for the loop's end rather than hanging a callback on its termination future,
            // which would keep one callback per join() alive for the loop's lifetime.
            while (!signal.isDone() && loop.state() != EventLoop.State.TERMINATED) {
                try {
                    signal.get(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    // not yet: check the loop again
                }
            }
            if (!isDone()) {
                throw new IllegalStateException("task " + name + ": pending when its event loop ended (expected: done)");
            }
        }
        return result();
    }

    @Override
    public String toString() {
        return "Task[" + name + ", " + switch (state) {
            case PENDING -> "pending";
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed: " + failure;
            default -> "cancelled";
        } + "]";
    }

    /**
     * A canceller that makes {@link #cancel()} a request, as asyncio's {@code Task.cancel} and
     * {@code _GatheringFuture.cancel} are: the task stays pending and ends as what it cancelled
     * ends, and {@link #request()} says whether anything could be cancelled.
     */
    interface CancelRequest extends Runnable {
        /** {@return whether the request cancelled something}; the task's cancel() returns it */
        boolean request();

        @Override
        default void run() {
            request();
        }
    }

    /**
     * Ends the task with {@code failure} as a failure, even a {@link CancellationException}: asyncio's
     * {@code set_exception(CancelledError())}, which leaves the future not {@code cancelled()}.
     */
    boolean failAsIs(Throwable failure) {
        loop.checkInLoop("Task.fail");
        if (state != PENDING) {
            return false;
        }
        this.failure = failure;
        finish(FAILED);
        return true;
    }

    /** Sets what {@link #cancel()} must release; runs it at once if the task is cancelled already. */
    void cancelWith(Runnable release) {
        if (state == PENDING) {
            canceller = release;
        } else if (state == CANCELLED) {
            release.run();
        }
    }

    /** Makes this task end as {@code inner} ends; cancelling this task cancels {@code inner}. */
    void follow(Task<T> inner) {
        if (inner == null) {
            fail(new NullPointerException("task " + name + ": a stage returned null (expected: a Task)"));
            return;
        }
        if (state == PENDING && mustCancel && inner.cancel()) {
            mustCancel = false;  // delivered to the task it now awaits, which brings it back
        }
        if (canceller instanceof Awaits awaits) {
            awaits.now(inner);
        } else {
            cancelWith(inner::cancel);
        }
        inner.whenDone(this::copy);
    }

    /** Ends this task as {@code done} ended (or cancelled, if a cancel awaits delivery), if it is still pending. */
    void copy(Task<? extends T> done) {
        if (state != PENDING) {
            return;
        }
        if (mustCancel) {
            endCancelled();
            return;
        }
        switch (done.state) {
            case SUCCEEDED -> complete(done.value);
            case FAILED -> fail(done.failure);
            case CANCELLED -> endCancelled();
            default -> throw new IllegalStateException("task " + done.name + ": pending (expected: done)");
        }
    }

    /** Makes {@link #cancel()} of this pending task a request delivered through what it will await; for spawned tasks. */
    void awaitsLater() {
        canceller = new Awaits(this, null);
    }

    /** {@return whether a cancel was requested before the task could deliver it}; its next step must end it cancelled */
    boolean mustCancel() {
        return mustCancel;
    }

    /**
     * {@return true if {@code source} succeeded and no cancel awaits delivery}; otherwise ends this
     * task as it ended, or cancelled.
     */
    private boolean passOn(Task<?> source) {
        if (mustCancel) {
            endCancelled();
            return false;
        }
        switch (source.state) {
            case SUCCEEDED:
                return true;
            case FAILED:
                fail(source.failure);
                return false;
            default:
                endCancelled();
                return false;
        }
    }

    /** {@return a stage that awaits this task}: cancelling it cancels this task, and the cancellation comes back through it */
    private <R> Task<R> derived() {
        Task<R> next = new Task<>(loop, name);
        next.canceller = new Awaits(next, this);
        return next;
    }

    /** Ends the task cancelled now, whatever it awaits. */
    void endCancelled() {
        this.failure = new CancellationException("task " + name + ": cancelled");
        finish(CANCELLED);
    }

    /**
     * The canceller of a task that awaits another (a stage, a spawned task once it runs): as asyncio's
     * {@code Task.cancel}, it cancels the awaited task and leaves the waiting one pending, so that the
     * cancellation reaches it, and every stage between, through the awaited task's end, where a
     * {@link #onCancellation} or {@link #andFinally} stage can clean up or suppress it. If there is
     * nothing to cancel (not started, or done already), the task's next step delivers it.
     */
    static final class Awaits implements CancelRequest {
        private final Task<?> owner;
        private Task<?> awaited;

        Awaits(Task<?> owner, Task<?> awaited) {
            this.owner = owner;
            this.awaited = awaited;
        }

        /** The task now awaits {@code next} (a stage's inner task, a spawned coroutine's task). */
        void now(Task<?> next) {
            awaited = next;
        }

        @Override
        public boolean request() {
            Task<?> a = awaited;
            if (a == null || !a.cancel()) {
                owner.mustCancel = true;
            }
            return true;
        }
    }

    /**
     * Ends the task with {@code value} and runs its done callbacks now, inside this call, one by
     * one as the loop runs a callback (a throw is reported, an {@link Error} rethrown), instead of
     * queueing them for the next turn.
     *
     * <p>For hand-offs ({@link AsyncQueue}, {@link AsyncSemaphore}) that run in a loop callback of
     * their own: between a value reaching a task and the task's callbacks taking it, a cancel (of a
     * stage that awaits the task, of a task group) could otherwise leave the value with nobody,
     * as asyncio lost a semaphore's permit (python/cpython#90155).
     *
     * @return true if this call ended the task, false if it was done already (nothing runs then)
     */
    boolean deliver(T value) {
        loop.checkInLoop("Task.deliver");
        if (state != PENDING) {
            return false;
        }
        this.value = value;
        canceller = null;
        state = SUCCEEDED;
        Object all = callbacks;
        callbacks = null;
        if (all instanceof List<?> list) {
            for (Object callback : list) {
                loop.runCallback(null, doneCallback(callback));
            }
        } else if (all != null) {
            loop.runCallback(null, doneCallback(all));
        }
        return true;
    }

    /** Fails this task with {@code t}; rethrows {@code t} if it is an {@link Error}, once it is recorded. */
    void failThenRethrowError(Throwable t) {
        fail(t);
        if (t instanceof Error e) {
            throw e;
        }
    }

    private void finish(int end) {
        canceller = null;
        state = end;
        Object all = callbacks;
        callbacks = null;
        if (all instanceof List<?> list) {
            for (Object callback : list) {
                dispatch(callback);
            }
        } else if (all != null) {
            dispatch(all);
        }
    }

    private void dispatch(Object callback) {
        loop.callSoon(doneCallback(callback));
    }

    @SuppressWarnings("unchecked")
    private DoneCallback<T> doneCallback(Object callback) {
        return new DoneCallback<>(this, (Consumer<? super Task<T>>) callback);
    }

    /** A done callback as a ready-queue entry, named after its task for failure reports. */
    private record DoneCallback<T>(Task<T> task, Consumer<? super Task<T>> callback) implements Runnable {
        @Override
        public void run() {
            callback.accept(task);
        }

        @Override
        public String toString() {
            return "done callback of task " + task.name;
        }
    }
}
