package dev.crossover.eventloop.model;

import dev.crossover.core.RunRecorder;
import dev.crossover.core.TaskSpec;
import dev.crossover.eventloop.Async;
import dev.crossover.eventloop.Task;
import dev.crossover.eventloop.TaskGroup;
import dev.crossover.eventloop.TaskGroupException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.ToLongFunction;

/**
 * One run, confined to the loop thread: admits tasks while fewer than {@code concurrency} are in
 * flight, runs each as a chain of loop {@link Task}s (its waits, then its CPU phase), records the
 * outcome, and admits the next task when one finishes.
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
 * Admission is an {@link Admission} counter rather than an {@code AsyncSemaphore}: with every task
 * spawned up front the semaphore would hold {@code tasks} waiters; the counter admits exactly when a
 * place frees.
 *
 * <h2>Failures</h2>
 * Whatever a task's work throws fails the task, any {@link Throwable}. An {@link Error} thrown on
 * the loop is recorded, then rethrown: it ends the loop (see {@link dev.crossover.eventloop.EventLoop}),
 * and {@link EventLoopModel#run} fails instead of waiting. One thrown on the offload pool fails its
 * task through {@link Async#runInExecutor}, which rethrows it on the pool thread.
 *
 * <h2>Threading</h2>
 * Every method runs on the loop thread; the offload pool only computes, through
 * {@link Async#runInExecutor}, which brings the result back to the loop.
 */
final class LoopRun {
    private final Executor offload;
    private final ToLongFunction<TaskSpec> work;
    private final CompletableFuture<Void> done;
    private final Admission admission;

    LoopRun(RunRecorder recorder, Executor offload, ToLongFunction<TaskSpec> work, CompletableFuture<Void> done) {
        this.offload = offload;
        this.work = work;
        this.done = done;
        this.admission = new Admission(recorder, this::start, () -> done.complete(null));
    }

    /** Fills the free places. A task's chain always ends in a later turn, so this does not recurse. */
    void admit() {
        admission.fill();
    }

    private void start(TaskSpec spec, long admitted) {
        if (done.isDone()) {
            // The run has failed already (a broken callback, see EventLoopModel) and its books are
            // dropped: start nothing more, so the abandoned run stops taking loop time.
            return;
        }
        Task<Void> waited = switch (spec.waits()) {
            case 0 -> Task.completed(null);
            case 1 -> waitFor(spec, 0);
            default -> Async.taskGroup(group -> spawnWaits(group, spec));
        };
        if (offload == null) {
            // The CPU phase runs inside the wait's done callback, on the loop thread: nothing else
            // runs meanwhile. (One callback rather than a thenApply stage: one turn less per task.)
            waited.whenDone(w -> computeHere(spec, w, admitted));
        } else {
            waited.thenCompose(v -> Async.runInExecutor(offload, () -> work.applyAsLong(spec)))
                    .whenDone(task -> finished(spec, task, admitted));
        }
    }

    private void computeHere(TaskSpec spec, Task<?> waited, long admitted) {
        if (!waited.isSucceeded()) {
            finished(spec, waited, admitted);
            return;
        }
        long result;
        try {
            result = work.applyAsLong(spec);
        } catch (Throwable t) {
            admission.fail(spec, t, admitted);
            if (t instanceof Error e) {
                throw e;  // recorded; now it ends the loop
            }
            return;
        }
        admission.complete(spec, result, admitted);
    }

    private static void spawnWaits(TaskGroup group, TaskSpec spec) {
        for (int i = 0; i < spec.waits(); i++) {
            int wait = i;
            group.spawn(() -> waitFor(spec, wait));
        }
    }

    private static Task<Void> waitFor(TaskSpec spec, int wait) {
        Task<Void> sleep = Async.sleep(Duration.ofNanos(spec.waitNanos(wait)));
        return spec.waitFails(wait) ? sleep.thenApply(v -> { throw spec.waitFailure(wait); }) : sleep;
    }

    private void finished(TaskSpec spec, Task<?> task, long admitted) {
        if (task.isSucceeded()) {
            admission.complete(spec, (Long) task.result(), admitted);
        } else {
            Throwable cause = task.failure();
            admission.fail(spec, cause instanceof TaskGroupException g ? g.failures().get(0) : cause, admitted);
        }
    }
}
