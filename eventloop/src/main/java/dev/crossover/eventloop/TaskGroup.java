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
            }
        }
        finishIfIdle();
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
