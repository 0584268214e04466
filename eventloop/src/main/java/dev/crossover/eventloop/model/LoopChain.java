package dev.crossover.eventloop.model;

import dev.crossover.core.Completion;
import dev.crossover.core.TaskSpec;
import dev.crossover.eventloop.Async;
import dev.crossover.eventloop.Task;
import dev.crossover.eventloop.TaskGroup;
import dev.crossover.eventloop.TaskGroupException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.ToLongFunction;

/**
 * One task of {@link EventLoopModel}, run as a chain of loop {@link Task}s: its waits (loop
 * timers), then its CPU phase, on the loop thread or on the offload pool with the result back on
 * the loop.
 *
 * <p>In asyncio terms each task is
 * {@snippet lang=python :
 * async def task(spec):
 *     if spec.waits == 1:
 *         await asyncio.sleep(io)
 *     elif spec.waits > 1:
 *         async with asyncio.TaskGroup() as tg:      # the failing wait cancels its siblings
 *             for i in range(spec.waits): tg.create_task(wait(spec, i))
 *     return spec.compute()                          # or: await asyncio.to_thread(spec.compute)
 * }
 * Each wait reports when it ended, with the deadline computed as its timer is armed; a wait cut
 * short by its group's cancellation reports nothing.
 *
 * <h2>Failures</h2>
 * Whatever a task's work throws fails the task, any {@link Throwable}. An {@link Error} thrown on
 * the loop fails its task, then is rethrown: it ends the loop (see {@link dev.crossover.eventloop.EventLoop}),
 * and the model fails every other task in flight (see {@link EventLoopModel}). One thrown on the
 * offload pool fails its task through {@link Async#runInExecutor}, which rethrows it on the pool thread.
 *
 * <h2>Threading</h2>
 * Every method runs on the loop thread; the offload pool only computes, through
 * {@link Async#runInExecutor}, which brings the result back to the loop.
 */
final class LoopChain extends LoopTask {
    /**
     * How a model's tasks compute: on the loop ({@code offload} null) or on a pool.
     *
     * @param offload the pool the CPU phase runs on, or null for the loop thread
     * @param work    the CPU phase ({@link TaskSpec#compute()}, or a failing one in tests)
     */
    record Mechanism(Executor offload, ToLongFunction<TaskSpec> work, SelectorHttpClient client,
                     java.nio.file.Path directory) {
        Mechanism(Executor offload, ToLongFunction<TaskSpec> work) {
            this(offload, work, null, null);
        }
    }

    private final Mechanism how;
    /** When a single wait was asked to end, in {@link System#nanoTime()} units. */
    private long deadline;
    /** Whether the wait was real I/O, and the checksum of the bytes it moved. */
    private boolean moved;
    private long ioSum;

    LoopChain(LoopTasks tasks, TaskSpec spec, Completion done, Mechanism how) {
        super(tasks, spec, done);
        this.how = how;
    }

    @Override
    protected void start() {
        switch (spec.waitKind()) {
            case HTTP -> {
                request();
                return;
            }
            case FILE -> {
                file();
                return;
            }
            case TIMER -> { }
        }
        switch (spec.waits()) {
            case 0 -> compute();  // this is a loop callback of its own already: no turn to wait for
            case 1 -> {
                long nanos = spec.waitNanos(0);
                deadline = System.nanoTime() + nanos;
                Task<Void> sleep;
                try {
                    sleep = Async.sleep(Duration.ofNanos(nanos));
                } catch (RejectedExecutionException e) {
                    // The loop is shutting down (the model is closing): the task stays in flight
                    // until the loop has ended, and then fails with the reason (see LoopTasks.stop).
                    return;
                }
                // One callback on the sleep rather than a stage after it: one turn less per task.
                sleep.whenDone(s -> waited());
            }
            default -> Async.taskGroup(this::spawnWaits).whenDone(this::gathered);
        }
    }

    /** The wait is a request on the loop's own selector; its body's checksum folds into the result. */
    private void request() {
        if (how.client() == null) {
            fail(new IllegalStateException("no delay server (expected: a model created with IoOptions.withServer "
                    + "for workload http)"));
            return;
        }
        long nanos = spec.waitNanos(0);
        deadline = System.nanoTime() + nanos;
        how.client().get(nanos, spec.bytes(), spec.token(), (sum, failure) -> ioEnded(sum, failure));
    }

    /**
     * The wait is the task's file: written, forced and read back on a thread (files have no
     * readiness on Linux), as asyncio's {@code to_thread} does; the loop hears when it is back.
     */
    private void file() {
        if (how.directory() == null) {
            fail(new IllegalStateException("no file directory (expected: a model created with "
                    + "IoOptions.withDirectory for workload file)"));
            return;
        }
        deadline = System.nanoTime();
        Task<Long> written;
        try {
            written = how.offload() != null
                    ? Async.runInExecutor(how.offload(), () -> dev.crossover.core.BlockingIo.roundTrip(how.directory(), spec))
                    : Async.toThread(() -> dev.crossover.core.BlockingIo.roundTrip(how.directory(), spec));
        } catch (RejectedExecutionException e) {
            fail(e);
            return;
        }
        written.whenDone(t -> ioEnded(t.isSucceeded() ? t.result() : 0, t.isSucceeded() ? null : t.failure()));
    }

    private void ioEnded(long sum, Throwable failure) {
        if (isFinished()) {
            return;
        }
        if (failure != null) {
            fail(failure);
            return;
        }
        waitEnded(deadline);
        if (spec.waitFails(0)) {
            fail(spec.waitFailure(0));
            return;
        }
        moved = true;
        ioSum = sum;
        compute();
    }

    /** {@return the task's result}: the CPU phase, with the bytes its real I/O moved folded in */
    private long work() {
        return moved ? spec.compute(ioSum) : how.work().applyAsLong(spec);
    }

    /** The single wait's timer fired (nothing cancels it). */
    private void waited() {
        if (isFinished()) {
            return;  // failed meanwhile (see LoopTasks): do no more work for it
        }
        waitEnded(deadline);
        if (spec.waitFails(0)) {
            fail(spec.waitFailure(0));
        } else {
            compute();
        }
    }

    private void spawnWaits(TaskGroup group) {
        for (int i = 0; i < spec.waits(); i++) {
            int wait = i;
            group.spawn(() -> subWait(wait));
        }
    }

    /** Arms sub-wait {@code wait}'s timer; it reports when it ended, unless the group cancels it first. */
    private Task<Void> subWait(int wait) {
        long nanos = spec.waitNanos(wait);
        long asked = System.nanoTime() + nanos;
        Task<Void> sleep = Async.sleep(Duration.ofNanos(nanos));
        if (spec.waitFails(wait)) {
            return sleep.thenApply(v -> {
                waitEnded(asked);
                throw spec.waitFailure(wait);
            });
        }
        sleep.whenDone(s -> {
            if (s.isSucceeded()) {
                waitEnded(asked);
            }
        });
        return sleep;
    }

    private void gathered(Task<Void> group) {
        if (isFinished()) {
            return;
        }
        if (group.isSucceeded()) {
            compute();
        } else {
            Throwable cause = group.failure();
            fail(cause instanceof TaskGroupException g ? g.failures().get(0) : cause);
        }
    }

    /**
     * Runs the CPU phase: here, on the loop thread (nothing else runs meanwhile), or on the offload
     * pool, whose result comes back to the loop.
     */
    private void compute() {
        if (how.offload() != null) {
            Task<Long> computed;
            try {
                computed = Async.runInExecutor(how.offload(), this::work);
            } catch (RejectedExecutionException e) {
                fail(e);  // the pool is shut down: the model is closing
                return;
            }
            computed.whenDone(this::computed);
            return;
        }
        long result;
        try {
            result = work();
        } catch (Throwable t) {
            fail(t);
            if (t instanceof Error e) {
                throw e;  // reported; now it ends the loop
            }
            return;
        }
        complete(result);
    }

    /** The offload pool's result is back on the loop. */
    private void computed(Task<Long> computed) {
        if (computed.isSucceeded()) {
            complete(computed.result());
        } else {
            fail(computed.failure());
        }
    }
}
