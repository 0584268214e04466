package dev.crossover.eventloop;

import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * asyncio's module functions, for the loop whose thread calls them: {@link #run}, {@link #spawn}
 * ({@code create_task}), {@link #sleep}, {@link #gather}, {@link #wait}, {@link #asCompleted},
 * {@link #shield}, {@link #waitFor}, {@link #timeout}, {@link #taskGroup}, {@link #withTaskGroup},
 * {@link #toThread} and readiness waits on channels. The synchronisation primitives are classes of
 * their own: {@link AsyncLock}, {@link AsyncEvent}, {@link AsyncCondition}, {@link AsyncSemaphore},
 * {@link AsyncBoundedSemaphore}, {@link AsyncBarrier}, {@link AsyncQueue}.
 *
 * <h2>Usage</h2>
 * A coroutine is a method that returns a {@link Task}; {@code await} is {@link Task#thenCompose}.
 * {@snippet :
 * // async def main():
 * //     results = await asyncio.gather(task_one(), task_two(), task_three())
 * //     for result in results: print(result)
 * // asyncio.run(main())
 * List<String> results = Async.run(() -> Async.gather(taskOne(), taskTwo(), taskThree()));
 * results.forEach(System.out::println);
 * }
 *
 * <h2>Threading</h2>
 * {@link #run} is called from an ordinary thread; every other method must be called on a loop
 * thread (from a task) and throws {@link IllegalStateException} elsewhere, as asyncio raises
 * "no running event loop".
 */
public final class Async {
    private Async() {
    }

    /**
     * Starts a loop, runs {@code main} on it to completion, shuts the loop down and returns main's
     * value: {@code asyncio.run(main())}. Tasks spawned with {@link #spawn} and still pending when
     * main ends are cancelled, and {@code run} waits until they have ended, as {@code asyncio.run} does.
     * If {@code main} itself throws rather than returning a task, {@code run} throws that.
     *
     * @throws RuntimeException      main's failure as it was, if unchecked
     * @throws CompletionException   wrapping main's failure, if checked
     * @throws CancellationException if main was cancelled
     * @throws IllegalStateException if called on a loop thread (asyncio: "cannot be called from a
     *                               running event loop")
     */
    public static <T> T run(Supplier<? extends Task<T>> main) {
        Objects.requireNonNull(main, "main");
        if (isLoopThread()) {
            throw new IllegalStateException("Async.run: called on event loop thread " + Thread.currentThread().getName()
                    + " (expected: a thread without a running loop; waiting there would deadlock)");
        }
        EventLoop loop = new EventLoop("asyncio");
        loop.trackTasks();
        loop.start();
        try {
            Task<T> task = new Task<>(loop, "main");
            loop.execute("main", () -> start(task, main));
            try {
                return task.join();
            } finally {
                cancelRemaining(loop);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Async.run: interrupted while waiting for main");
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        } finally {
            loop.close();
        }
    }

    /**
     * What {@code asyncio.run} does once main has ended ({@code _cancel_all_tasks}): cancels every
     * spawned task still pending and waits until they have all ended, their done callbacks run; a
     * task that then fails with something other than its cancellation is reported to the loop's
     * reporter. Does nothing if the loop has ended (an Error ended it).
     */
    private static void cancelRemaining(EventLoop loop) throws InterruptedException {
        java.util.concurrent.CompletableFuture<Void> ended = new java.util.concurrent.CompletableFuture<>();
        try {
            loop.execute("cancel remaining tasks", () -> {
                List<Task<?>> pending = loop.pendingTasks();
                pending.forEach(Task::cancel);
                gatherOutcomes(pending).whenDone(all -> {
                    for (int i = 0; i < pending.size(); i++) {
                        if (all.result().get(i) instanceof Outcome.Failure<?> f
                                && !(f.cause() instanceof CancellationException)) {
                            loop.reportFailure("task " + pending.get(i).name() + " (failed while Async.run cancelled it)", f.cause());
                        }
                    }
                    ended.complete(null);
                });
            });
        } catch (RejectedExecutionException e) {
            return;  // the loop has ended: nothing can run any more
        }
        while (!ended.isDone() && loop.state() == EventLoop.State.RUNNING) {
            try {
                ended.get(50, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                // not yet: check the loop again
            }
        }
    }

    /**
     * Makes {@code task} follow what {@code main} returns, or fail with what it throws: a throw that
     * went to the loop's reporter would leave {@code task} pending and {@link #run} waiting forever.
     * An {@link Error} fails the task, then goes on to end the loop.
     */
    private static <T> void start(Task<T> task, Supplier<? extends Task<T>> main) {
        Task<T> inner;
        try {
            inner = main.get();
        } catch (Throwable t) {
            task.failThenRethrowError(t);
            return;
        }
        task.follow(inner);
    }

    /** {@return a task that ends with null after {@code delay}}: {@code asyncio.sleep}; cancelling it removes its timer */
    public static Task<Void> sleep(Duration delay) {
        return sleep(delay, null);
    }

    /** {@return a task that ends with {@code value} after {@code delay}}: {@code asyncio.sleep(delay, result)} */
    public static <T> Task<T> sleep(Duration delay, T value) {
        EventLoop loop = EventLoop.current();
        Task<T> task = new Task<>(loop, "sleep");
        Timer timer = loop.schedule(delay.toNanos(), "sleep", () -> task.complete(value));
        task.cancelWith(timer::cancel);
        return task;
    }

    /**
     * Schedules {@code coroutine} to start in the loop's next turn: {@code asyncio.create_task}.
     * Cancelling the returned task before it starts means it never starts; after, it cancels the
     * task the coroutine is waiting on and stays pending until that cancellation has come back
     * through the coroutine's stages, which may clean up ({@link Task#andFinally}) or suppress it
     * ({@link Task#onCancellation}): asyncio's {@code Task.cancel}.
     *
     * @return the task, which ends as the coroutine's task ends (or fails with what the coroutine threw)
     */
    public static <T> Task<T> spawn(Supplier<? extends Task<T>> coroutine) {
        return spawn("task", coroutine);
    }

    /** As {@link #spawn(Supplier)}, with a name for messages. */
    public static <T> Task<T> spawn(String name, Supplier<? extends Task<T>> coroutine) {
        Objects.requireNonNull(coroutine, "coroutine");
        EventLoop loop = EventLoop.current();
        Task<T> task = new Task<>(loop, name);
        task.awaitsLater();
        loop.track(task);
        loop.callSoon(name, () -> {
            if (task.isDone()) {
                return;  // ended (by fail or a canceller) before it started
            }
            if (task.mustCancel()) {
                task.endCancelled();  // cancelled before it started: the coroutine never runs, as in asyncio
                return;
            }
            Task<T> inner;
            try {
                inner = coroutine.get();
            } catch (Throwable t) {
                task.failThenRethrowError(t);
                return;
            }
            task.follow(inner);
        });
        return task;
    }

    /** {@return the tasks' values in argument order}; as {@link #gather(List)} */
    @SafeVarargs
    @SuppressWarnings("varargs")  // the array is only read, through an unmodifiable view
    public static <T> Task<List<T>> gather(Task<? extends T>... tasks) {
        return gather(Collections.unmodifiableList(Arrays.asList(tasks)));
    }

    /**
     * {@return a task with the tasks' values in argument order}: {@code asyncio.gather}. The first
     * failure fails it at once (the other tasks go on, as in asyncio). A child that is cancelled fails
     * it with that {@link CancellationException}, and it is not itself cancelled, so
     * {@link Task#exceptionally} sees it. Cancelling it cancels every child still pending; it returns
     * false, and the results stand, if every child is done already.
     * {@snippet :
     * // g = asyncio.gather(a, b); a.cancel()
     * // try: await g
     * // except asyncio.CancelledError: ...   # g.cancelled() is False
     * Task<List<String>> g = Async.gather(a, b);
     * a.cancel();
     * g.exceptionally(e -> List.of());        // e is the CancellationException
     * }
     */
    public static <T> Task<List<T>> gather(List<? extends Task<? extends T>> tasks) {
        Gathering<T> g = new Gathering<>(tasks, false);
        return g.result;
    }

    /**
     * {@return a task with every task's {@link Outcome} in argument order}: {@code asyncio.gather(...,
     * return_exceptions=True)}; it never fails because a task failed
     */
    public static <T> Task<List<Outcome<T>>> gatherOutcomes(List<? extends Task<? extends T>> tasks) {
        Gathering<T> g = new Gathering<>(tasks, true);
        return g.outcomes;
    }

    /**
     * {@return a task that ends as {@code task} does, or fails with {@link TimeoutException} after
     * {@code timeout}, cancelling {@code task}}: {@code asyncio.wait_for}. The exception's cause is
     * the task's {@link CancellationException}, as asyncio raises {@code TimeoutError} from it. A task that is done when the
     * timeout fires wins, even if its done callbacks have not run yet.
     */
    public static <T> Task<T> waitFor(Task<T> task, Duration timeout) {
        return bound(task, saturatedNanos(timeout), String.valueOf(timeout));
    }

    /**
     * {@return a task that ends as {@code task} does, or times out in {@code delayNanos}, cancelling it}.
     * As asyncio's {@code timeout}: once the timer has cancelled the task, the task's own end decides;
     * if it ends cancelled, and no cancel but the timer's is left ({@link Task#uncancel()}), the
     * result is a {@link TimeoutException} caused by that cancellation; if the task suppressed the
     * cancellation, its outcome stands; if someone else cancelled it too, it stays a cancellation.
     */
    private static <T> Task<T> bound(Task<T> task, long delayNanos, String limit) {
        EventLoop loop = EventLoop.current();
        Task<T> bounded = new Task<>(loop, task.name() + " (with timeout)");
        int cancellingBefore = task.cancelling();
        boolean[] expired = new boolean[1];
        Timer timer = loop.schedule(delayNanos, "timeout", () -> {
            // Timers run before the done callbacks of the same turn, so the task may have ended in
            // this turn with its callback still queued. Timing out then would drop its value: with
            // waitFor(queue.get(), t) the item has left the queue and would be lost (old asyncio's
            // wait_for bug, python/asyncio#343).
            if (task.isDone()) {
                bounded.copy(task);
                return;
            }
            expired[0] = true;
            task.cancel();  // its end, below, decides: a stage or a spawned task may clean up first
        });
        bounded.cancelWith(() -> {
            timer.cancel();
            task.cancel();
        });
        task.whenDone(done -> {
            timer.cancel();
            if (expired[0] && done.isCancelled() && done.uncancel() <= cancellingBefore) {
                // asyncio raises TimeoutError from the CancelledError of the inner task: chained the same way.
                TimeoutException timedOut = new TimeoutException("task " + task.name() + ": not done after " + limit);
                timedOut.initCause(done.failure());
                bounded.fail(timedOut);
            } else {
                bounded.copy(done);
            }
        });
        return bounded;
    }

    /**
     * {@return {@code body}'s task, cancelled and failed with {@link TimeoutException} if not done
     * within {@code timeout}}: {@code async with asyncio.timeout(...)}. The block runs at once, inside
     * this call, as an {@code async with} block does; a timeout of zero or less still runs it until
     * its first await (the task it returns) and times out only if that task is pending.
     * {@snippet :
     * // async with asyncio.timeout(0):
     * //     print("runs")           # runs: the block starts at once
     * //     await asyncio.sleep(1)  # TimeoutError here
     * Async.timeout(Duration.ZERO, () -> {
     *     System.out.println("runs");
     *     return Async.sleep(Duration.ofSeconds(1));
     * });
     * }
     */
    public static <T> Task<T> timeout(Duration timeout, Supplier<? extends Task<T>> body) {
        long nanos = timeout.isNegative() ? 0 : saturatedNanos(timeout);
        return timeoutAt(System.nanoTime() + nanos, body);
    }

    /**
     * {@return {@code body}'s task, bounded by a deadline in {@link System#nanoTime()} units}:
     * {@code asyncio.timeout_at(when)}; as {@link #timeout}, and a deadline already past runs the
     * block until its first await too. A block that never awaits (returns a done task) completes.
     */
    public static <T> Task<T> timeoutAt(long deadlineNanos, Supplier<? extends Task<T>> body) {
        Objects.requireNonNull(body, "body");
        EventLoop loop = EventLoop.current();
        Task<T> inner;
        try {
            inner = body.get();
        } catch (Throwable t) {
            Task<T> failed = new Task<>(loop, "timeout body");
            failed.failThenRethrowError(t);
            return failed;
        }
        if (inner == null) {
            return Task.failed(new NullPointerException("timeout body: returned null (expected: a Task)"));
        }
        if (inner.isDone()) {
            return inner;  // never awaited: nothing to time out
        }
        return bound(inner, deadlineNanos - System.nanoTime(), "the deadline");
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2;  // "for ever", with room to add to nanoTime()
        }
    }

    /**
     * Opens a {@link TaskGroup}, lets {@code body} spawn into it, and returns the group's end:
     * {@code async with asyncio.TaskGroup() as tg: ...}. If {@code body} throws (anything: an
     * {@link Error} is rethrown after), the children are cancelled and the group fails with it.
     */
    public static Task<Void> taskGroup(Consumer<TaskGroup> body) {
        TaskGroup group = new TaskGroup();
        try {
            body.accept(group);
        } catch (Throwable t) {
            group.abort(t);
            Task<Void> end = group.join();
            if (t instanceof Error e) {
                throw e;
            }
            return end;
        }
        return group.join();
    }

    /**
     * {@return a task that ends, once {@code returnWhen} is met, with the tasks split into done and
     * pending}: {@code done, pending = await asyncio.wait(tasks, return_when=...)}. It cancels none of
     * the tasks, and cancelling it cancels none of them either.
     * {@snippet :
     * // done, pending = await asyncio.wait({a, b}, return_when=asyncio.FIRST_COMPLETED)
     * Task<Waited<String>> first = Async.wait(List.of(a, b), ReturnWhen.FIRST_COMPLETED);
     * }
     *
     * @throws IllegalArgumentException if {@code tasks} is empty (asyncio: "Set of Tasks/Futures is empty")
     */
    public static <T> Task<Waited<T>> wait(List<Task<T>> tasks, ReturnWhen returnWhen) {
        return waitUntil(tasks, returnWhen, -1);
    }

    /**
     * As {@link #wait(List, ReturnWhen)}, but returns after {@code timeout} at the latest, with what is
     * done by then: {@code asyncio.wait(tasks, timeout=..., return_when=...)}; a timeout is no failure.
     */
    public static <T> Task<Waited<T>> wait(List<Task<T>> tasks, ReturnWhen returnWhen, Duration timeout) {
        return waitUntil(tasks, returnWhen, Math.max(0, saturatedNanos(timeout)));
    }

    private static <T> Task<Waited<T>> waitUntil(List<Task<T>> tasks, ReturnWhen returnWhen, long timeoutNanos) {
        Objects.requireNonNull(returnWhen, "returnWhen");
        List<Task<T>> all = List.copyOf(tasks);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("tasks: [] (expected: at least one task)");
        }
        EventLoop loop = EventLoop.current();
        Task<Waited<T>> waiter = new Task<>(loop, "wait");
        Runnable release = () -> {
            if (!waiter.isDone()) {
                List<Task<T>> done = new java.util.ArrayList<>();
                List<Task<T>> pending = new java.util.ArrayList<>();
                for (Task<T> t : all) {
                    (t.isDone() ? done : pending).add(t);
                }
                waiter.complete(new Waited<>(done, pending));
            }
        };
        Timer timer = timeoutNanos < 0 ? null : loop.schedule(timeoutNanos, "wait timeout", release);
        if (timer != null) {
            waiter.cancelWith(timer::cancel);
        }
        int[] remaining = {all.size()};
        for (Task<T> t : all) {
            if (t.isDone()) {
                // Counted now, not in a done callback that a short timeout's timer could beat.
                remaining[0]--;
                if (remaining[0] == 0 || returnWhen == ReturnWhen.FIRST_COMPLETED
                        || (returnWhen == ReturnWhen.FIRST_EXCEPTION && t.isFailed())) {
                    if (timer != null) {
                        timer.cancel();
                    }
                    release.run();
                }
                continue;
            }
            t.whenDone(d -> {
                remaining[0]--;
                if (remaining[0] == 0 || returnWhen == ReturnWhen.FIRST_COMPLETED
                        || (returnWhen == ReturnWhen.FIRST_EXCEPTION && d.isFailed())) {
                    if (timer != null) {
                        timer.cancel();
                    }
                    release.run();
                }
            });
        }
        return waiter;
    }

    /**
     * {@return one task per task given, the i-th ending as the i-th of them to end does}:
     * {@code for next in asyncio.as_completed(tasks): result = await next}. A failure or cancellation
     * is passed on as such, to its place in the order.
     * {@snippet :
     * // for coro in asyncio.as_completed([slow, fast]):
     * //     print(await coro)          # fast first
     * for (Task<String> next : Async.asCompleted(List.of(slow, fast))) {
     *     next.thenAccept(System.out::println);
     * }
     * }
     */
    public static <T> List<Task<T>> asCompleted(List<? extends Task<? extends T>> tasks) {
        return asCompleted(tasks, null);
    }

    /**
     * As {@link #asCompleted(List)}; once {@code timeout} has passed, the places not yet taken fail
     * with {@link TimeoutException} ({@code as_completed(..., timeout=...)}, which raises TimeoutError).
     */
    public static <T> List<Task<T>> asCompleted(List<? extends Task<? extends T>> tasks, Duration timeout) {
        EventLoop loop = EventLoop.current();
        List<Task<T>> order = new java.util.ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            order.add(new Task<>(loop, "as_completed " + i));
        }
        int[] next = {0};
        Timer timer = timeout == null || tasks.isEmpty() ? null : loop.schedule(saturatedNanos(timeout), "as_completed timeout", () -> {
            for (int i = next[0]; i < order.size(); i++) {
                order.get(i).fail(new TimeoutException("as_completed: " + (order.size() - next[0])
                        + " task(s) not done after " + timeout));
            }
            next[0] = order.size();
        });
        // Tasks done already take the first places now: a done callback runs in a later turn, after
        // the timers of that turn, and a short timeout would otherwise beat a task that had ended.
        for (Task<? extends T> t : tasks) {
            if (t.isDone()) {
                order.get(next[0]++).copy(t);
            }
        }
        if (next[0] == order.size() && timer != null) {
            timer.cancel();
        }
        for (Task<? extends T> t : tasks) {
            if (t.isDone()) {
                continue;
            }
            t.whenDone(d -> {
                if (next[0] < order.size()) {
                    order.get(next[0]++).copy(d);
                    if (next[0] == order.size() && timer != null) {
                        timer.cancel();
                    }
                }
            });
        }
        return java.util.Collections.unmodifiableList(order);
    }

    /**
     * {@return a task that ends as {@code task} does, but whose cancellation leaves {@code task}
     * running}: {@code asyncio.shield}. If {@code task} is done already, it is returned itself; if
     * {@code task} is cancelled, the shield is cancelled too.
     * {@snippet :
     * // res = await asyncio.shield(something())   # cancelling us does not cancel something()
     * Task<String> res = Async.shield(something());
     * }
     */
    public static <T> Task<T> shield(Task<T> task) {
        Objects.requireNonNull(task, "task");
        if (task.isDone()) {
            return task;
        }
        Task<T> outer = new Task<>(task.loop, task.name() + " (shielded)");
        task.whenDone(outer::copy);
        return outer;
    }

    /**
     * Opens a {@link TaskGroup}, runs {@code body} in it at once and awaits the task it returns as
     * well as every child: {@code async with asyncio.TaskGroup() as tg:} whose block itself awaits.
     * A child that fails cancels the others and the block (delivered into it, so it may clean up);
     * the group then fails with a {@link TaskGroupException}; otherwise it ends with the block's value.
     * {@snippet :
     * // async with asyncio.TaskGroup() as tg:
     * //     tg.create_task(fail_soon())
     * //     await asyncio.sleep(3600)   # cancelled when fail_soon fails
     * Task<Void> block = Async.withTaskGroup(tg -> {
     *     tg.spawn(Example::failSoon);
     *     return Async.sleep(Duration.ofHours(1));
     * });
     * }
     */
    public static <T> Task<T> withTaskGroup(java.util.function.Function<TaskGroup, ? extends Task<T>> body) {
        Objects.requireNonNull(body, "body");
        return TaskGroup.run(body);
    }

    /**
     * {@return a task with {@code call}'s value, computed on the loop's default pool}:
     * {@code asyncio.to_thread}. Cancelling the task does not stop the call; its value is then dropped.
     */
    public static <T> Task<T> toThread(Callable<T> call) {
        EventLoop loop = EventLoop.current();
        return runInExecutor(loop.defaultExecutor(), call);
    }

    /**
     * {@return a task with {@code call}'s value, computed on {@code executor}}: {@code loop.run_in_executor}.
     * Whatever {@code call} throws fails the task, an {@link Error} included (which is then rethrown
     * on the executor's thread, as an uncaught Error would be).
     *
     * @throws RejectedExecutionException if {@code executor} refuses the call
     */
    public static <T> Task<T> runInExecutor(Executor executor, Callable<T> call) {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(call, "call");
        EventLoop loop = EventLoop.current();
        Task<T> task = new Task<>(loop, "to_thread");
        executor.execute(() -> {
            T value = null;
            Throwable failure = null;
            try {
                value = call.call();
            } catch (Throwable t) {
                failure = t;  // every throw, even a RejectedExecutionException or an Error, ends the task
            }
            handBack(loop, task, value, failure);
            if (failure instanceof Error e) {
                throw e;  // after the hand-back: the pool thread may die, the task has its outcome
            }
        });
        return task;
    }

    /** Brings a call's outcome back to {@code task}'s loop; only this step may find the loop shut down. */
    private static <T> void handBack(EventLoop loop, Task<T> task, T value, Throwable failure) {
        try {
            if (failure == null) {
                loop.execute("to_thread result", () -> task.complete(value));
            } else {
                loop.execute("to_thread failure", () -> task.fail(failure));
            }
        } catch (RejectedExecutionException e) {
            // the loop has shut down: nobody is waiting any more
        }
    }

    /** {@return a task that ends when {@code channel} is readable}; as {@link #ready} */
    public static Task<Void> readable(SelectableChannel channel) {
        return ready(channel, SelectionKey.OP_READ);
    }

    /** {@return a task that ends when {@code channel} is writable}; as {@link #ready} */
    public static Task<Void> writable(SelectableChannel channel) {
        return ready(channel, SelectionKey.OP_WRITE);
    }

    /**
     * {@return a task that ends when the non-blocking {@code channel} is ready for one of {@code ops}}
     * (asyncio's {@code add_reader}, one-shot). Cancelling it cancels its selector key.
     *
     * @throws IllegalStateException if the channel already waits on this loop
     */
    public static Task<Void> ready(SelectableChannel channel, int ops) {
        EventLoop loop = EventLoop.current();
        SelectionKey existing = loop.keyFor(channel);
        if (existing != null && existing.isValid()) {
            throw new IllegalStateException("channel: " + channel + " already waits on this loop (expected: one wait at a time)");
        }
        Task<Void> task = new Task<>(loop, "ready " + channel);
        SelectionKey key = loop.register(channel, ops, k -> {
            k.cancel();
            task.complete(null);
        });
        task.cancelWith(key::cancel);
        return task;
    }

    private static boolean isLoopThread() {
        try {
            EventLoop.current();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /**
     * The bookkeeping of one gather: values in argument order, the count still pending. As asyncio's
     * {@code _GatheringFuture}, cancelling it is a request: it cancels the children that are still
     * pending and says whether there was one; the gather then ends when they do, failed (not
     * cancelled) with a {@link CancellationException}. A cancelled child fails it the same way.
     */
    private static final class Gathering<T> implements Task.CancelRequest {
        final Task<List<T>> result;
        final Task<List<Outcome<T>>> outcomes;
        private final List<? extends Task<? extends T>> tasks;
        private final Object[] values;
        private int remaining;
        private boolean cancelRequested;

        Gathering(List<? extends Task<? extends T>> tasks, boolean asOutcomes) {
            EventLoop loop = EventLoop.current();
            this.tasks = tasks;
            this.values = new Object[tasks.size()];
            this.remaining = tasks.size();
            this.result = asOutcomes ? null : new Task<>(loop, "gather");
            this.outcomes = asOutcomes ? new Task<>(loop, "gather") : null;
            Task<?> mine = asOutcomes ? outcomes : result;
            mine.cancelWith(this);
            for (int i = 0; i < values.length; i++) {
                int index = i;
                tasks.get(i).whenDone(done -> ended(index, done, asOutcomes));
            }
            if (remaining == 0) {
                finish(asOutcomes);
            }
        }

        @Override
        public boolean request() {
            boolean any = false;
            for (Task<? extends T> task : tasks) {
                any |= task.cancel();
            }
            cancelRequested |= any;
            return any;
        }

        private void ended(int index, Task<? extends T> done, boolean asOutcomes) {
            if (asOutcomes) {
                values[index] = Outcome.of(done);
            } else if (done.isSucceeded()) {
                values[index] = done.result();
            } else if (!result.isDone()) {
                result.failAsIs(done.failure());  // a cancelled child too: the gather fails, not cancelled
            }
            if (--remaining == 0) {
                finish(asOutcomes);
            }
        }

        @SuppressWarnings("unchecked")
        private void finish(boolean asOutcomes) {
            Task<?> mine = asOutcomes ? outcomes : result;
            if (mine.isDone()) {
                return;
            }
            if (cancelRequested) {
                mine.failAsIs(new CancellationException("gather: cancelled"));
                return;
            }
            List<Object> all = Collections.unmodifiableList(Arrays.asList(values));
            if (asOutcomes) {
                outcomes.complete((List<Outcome<T>>) (List<?>) all);
            } else {
                result.complete((List<T>) (List<?>) all);
            }
        }
    }
}
