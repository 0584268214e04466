package dev.crossover.threads;

import dev.crossover.core.RunRecorder;
import dev.crossover.core.RunResult;
import dev.crossover.core.TaskSpec;
import dev.crossover.core.Workload;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;

/**
 * Runs a workload's tasks on an {@link Executor} with at most {@code concurrency} in flight: the
 * admission control every thread model shares.
 *
 * <h2>Threading</h2>
 * The calling thread admits: it takes one of {@code concurrency} semaphore permits, records the
 * admission and hands the task to the executor; the task's thread records its end and gives the
 * permit back. The caller returns once it holds every permit again, that is, once every task has
 * finished.
 */
final class ClosedLoop {
    private ClosedLoop() {
    }

    /**
     * Runs every task of {@code workload} once on {@code executor}.
     *
     * @param subWaits makes fan-out sub-wait threads, or null if the workload has no fan-out
     * @throws IllegalStateException if the executor refuses a task (the model was closed during
     *                               the run) or the calling thread is interrupted
     */
    static RunResult run(String modelId, Workload workload, Executor executor, ThreadFactory subWaits) {
        RunRecorder recorder = new RunRecorder(workload);
        Semaphore places = new Semaphore(workload.concurrency());
        try {
            for (int i = 0; i < workload.tasks(); i++) {
                TaskSpec spec = workload.task(i);
                places.acquire();
                long admitted = recorder.admit(spec);
                try {
                    executor.execute(() -> runTask(spec, admitted, recorder, places, subWaits));
                } catch (RejectedExecutionException e) {
                    recorder.fail(spec, e, admitted);
                    places.release();
                    throw new IllegalStateException("model " + modelId + ": closed during a run (expected: close after run returns)", e);
                } catch (OutOfMemoryError e) {
                    // "unable to create native thread": the platform's limit on threads, a result in itself
                    recorder.fail(spec, e, admitted);
                    places.release();
                    throw new IllegalStateException("model " + modelId + ": could not start a thread for task " + i
                            + " with " + recorder.finished() + " of " + workload.tasks() + " tasks finished: " + e.getMessage()
                            + " (expected: the platform to allow " + workload.concurrency() + " threads)", e);
                }
            }
            places.acquire(workload.concurrency());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("model " + modelId + ": run interrupted after " + recorder.finished()
                    + " of " + workload.tasks() + " tasks (expected: an uninterrupted run)", e);
        }
        return recorder.finish(modelId);
    }

    private static void runTask(TaskSpec spec, long admitted, RunRecorder recorder, Semaphore places,
                                ThreadFactory subWaits) {
        try {
            recorder.complete(spec, BlockingTask.run(spec, subWaits), admitted);
        } catch (Throwable failure) {
            // A failed task is counted and the run goes on; an Error still reaches the thread's handler.
            recorder.fail(spec, failure, admitted);
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();  // the pool is shutting down: let it see why
            } else if (failure instanceof Error error) {
                throw error;
            }
        } finally {
            // Released after the recorder's books, so the next admission never sees C + 1 in flight.
            places.release();
        }
    }
}
