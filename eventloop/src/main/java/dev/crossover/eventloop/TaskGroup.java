package dev.crossover.eventloop;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Structured concurrency on the loop: asyncio's {@code TaskGroup}. The group's {@link #join()} task
 * ends when every child has ended; the first child that fails cancels the others, and the group then
 * fails with a {@link TaskGroupException} that holds every failure.
 *
 * <h2>Usage</h2>
 * {@snippet :
 * // async with asyncio.TaskGroup() as tg:
 * //     task1 = tg.create_task(fetch_data())
 * //     task2 = tg.create_task(fetch_data())
 * TaskGroup tg = new TaskGroup();
 * Task<String> task1 = tg.spawn(Example::fetchData);
 * Task<String> task2 = tg.spawn(Example::fetchData);
 * return tg.join().thenApply(v -> task1.result() + ", " + task2.result());
 * }
 *
 * <h2>Threading</h2>
 * Created and used on a loop thread only; every method throws {@link IllegalStateException} elsewhere.
 */
public final class TaskGroup {
    private final EventLoop loop;
    private final Task<Void> done;
    private final Set<Task<?>> running = new LinkedHashSet<>();
    private final List<Throwable> failures = new ArrayList<>();
    private boolean joined;
    private boolean aborting;
    /** The body's own task, when it awaits ({@link Async#withTaskGroup}); cancelled when a child fails. */
    private Task<?> body;
    private boolean bodyCancelledByGroup;

    /** Opens a group on the calling loop. @throws IllegalStateException off a loop thread */
    public TaskGroup() {
        this.loop = EventLoop.current();
        this.done = new Task<>(loop, "task group");
        done.cancelWith(this::cancelAll);
    }

    /**
     * Spawns {@code coroutine} as a child: {@code tg.create_task}.
     *
     * @throws IllegalStateException if the group has ended or is cancelling its children after a failure
     */
    public <T> Task<T> spawn(Supplier<? extends Task<T>> coroutine) {
        return spawn("child", coroutine);
    }

    /** As {@link #spawn(Supplier)}, with a name for messages. */
    public <T> Task<T> spawn(String name, Supplier<? extends Task<T>> coroutine) {
        loop.checkInLoop("TaskGroup.spawn");
        if (done.isDone() || aborting) {
            throw new IllegalStateException("task group: " + (done.isDone() ? "done" : "shutting down after a failure")
                    + " (expected: open)");
        }
        Task<T> child = Async.spawn(name, coroutine);
        running.add(child);
        child.whenDone(this::childEnded);
        return child;
    }

    /**
     * {@return the task that ends when every child has ended} (children may still spawn children until
     * then): the end of the {@code async with} block. Cancelling it cancels every child.
     */
    public Task<Void> join() {
        loop.checkInLoop("TaskGroup.join");
        joined = true;
        finishIfIdle();
        return done;
    }

    /** {@return how many children have not ended yet} */
    public int running() {
        loop.checkInLoop("TaskGroup.running");
        return running.size();
    }

    /** Records {@code failure} as the group's own (the body threw) and cancels every child. */
    void abort(Throwable failure) {
        failures.add(failure);
        aborting = true;
        cancelAll();
    }

    private void childEnded(Task<?> child) {
        running.remove(child);
        if (child.isFailed()) {
            failures.add(child.failure());
            if (!aborting) {
                aborting = true;
                cancelAll();
                if (body != null && !body.isDone()) {
                    bodyCancelledByGroup = true;  // asyncio cancels the task running the async with block
                    body.cancel();
                }
            }
        }
        finishIfIdle();
    }

    /**
     * Runs {@code body} in a new group and awaits both: the {@code async with} block whose body awaits
     * ({@link Async#withTaskGroup}). The body's task is cancelled when a child fails (the cancellation
     * is delivered into it, which may clean up), and that cancellation is then withdrawn
     * ({@link Task#uncancel()}) and is not a failure of the group; a body that fails cancels the
     * children and its failure joins the group's; one cancelled from outside cancels the children
     * and the group ends cancelled.
     */
    static <T> Task<T> run(java.util.function.Function<TaskGroup, ? extends Task<T>> body) {
        TaskGroup group = new TaskGroup();
        Task<T> result = new Task<>(group.loop, "task group block");
        Task<T> inner;
        try {
            inner = body.apply(group);
        } catch (Throwable t) {
            group.abort(t);
            group.join().whenDone(j -> result.copy(castVoid(j)));
            if (t instanceof Error e) {
                throw e;
            }
            return result;
        }
        if (inner == null) {
            inner = Task.failed(new NullPointerException("task group body: returned null (expected: a Task)"));
        }
        Task<T> bodyTask = inner;
        group.body = bodyTask;
        result.cancelWith(new Task.CancelRequest() {
            @Override
            public boolean request() {
                bodyTask.cancel();
                group.cancelAll();
                return true;
            }
        });
        bodyTask.whenDone(b -> {
            boolean outside = b.isCancelled() && !(group.bodyCancelledByGroup && b.uncancel() <= 0);
            if (b.isFailed() || outside) {
                if (b.isFailed()) {
                    group.failures.add(b.failure());
                }
                if (!group.aborting) {
                    group.aborting = true;
                    group.cancelAll();
                }
            }
            group.join().whenDone(j -> {
                if (j.isFailed()) {
                    result.fail(j.failure());
                } else if (outside || j.isCancelled()) {
                    result.endCancelled();
                } else {
                    result.copy(b);
                }
            });
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <T> Task<T> castVoid(Task<Void> t) {
        return (Task<T>) (Task<?>) t;
    }

    private void finishIfIdle() {
        if (joined && running.isEmpty() && !done.isDone()) {
            if (failures.isEmpty()) {
                done.complete(null);
            } else {
                done.fail(new TaskGroupException(failures));
            }
        }
    }

    private void cancelAll() {
        for (Task<?> child : List.copyOf(running)) {
            child.cancel();
        }
    }
}
