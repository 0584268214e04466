package dev.crossover.processes;

import dev.crossover.core.RunRecorder;
import dev.crossover.core.RunResult;
import dev.crossover.core.TaskSpec;
import dev.crossover.core.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run on a {@link WorkerPool}, driven by the calling thread: it admits a task whenever one of
 * the workload's {@code concurrency} places is free, hands it to the live worker holding the fewest
 * tasks, and queues what it admitted for each worker's stdin writer, one batch per worker.
 *
 * <p>A task is in flight from admission until its reply, including while it waits in its worker's
 * queue, so the places are counted in the parent, as with a semaphore around
 * {@code multiprocessing.Pool.apply_async}. Silent workers are the pool's {@link Watchdog}'s
 * business, on its own thread.
 *
 * <h2>Threading</h2>
 * Runs on the caller of {@link #run}, under the pool's lock except while it waits for a change;
 * it never blocks on a pipe: handing tasks to a worker only queues them.
 */
final class Dispatch {
    private final WorkerPool pool;
    private final String modelId;

    Dispatch(WorkerPool pool, String modelId) {
        this.pool = pool;
        this.modelId = modelId;
    }

    /**
     * Runs every task of {@code workload} and waits until each has completed or failed.
     *
     * @throws IllegalStateException if the pool closes, loses every worker for good, or the caller is interrupted
     */
    RunResult run(Workload workload) {
        RunRecorder recorder = new RunRecorder(workload);
        int tasks = workload.tasks();
        int next = 0;
        Map<Worker, List<TaskSpec>> batches = new LinkedHashMap<>();
        pool.lock.lock();
        try {
            while (recorder.finished() < tasks) {
                pool.checkUsable(modelId);
                while (next < tasks && next - recorder.finished() < workload.concurrency()) {
                    Worker worker = leastLoaded();
                    if (worker == null) {
                        break;  // every worker is being replaced: wait for one
                    }
                    TaskSpec spec = workload.task(next++);
                    if (worker.inFlight.isEmpty()) {
                        worker.lastProgressNanos = System.nanoTime();  // its silence starts counting now
                    }
                    worker.inFlight.put(spec.index(), new Worker.InFlight(spec, recorder.admit(spec), recorder));
                    batches.computeIfAbsent(worker, w -> new ArrayList<>()).add(spec);
                }
                batches.forEach(Worker::send);  // queued, not written: this never blocks
                batches.clear();
                if (recorder.finished() < tasks) {
                    pool.changed.await();  // a reply, a failed worker, a replacement or close() signals it
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("model " + modelId + ": interrupted (expected: a run left to finish)", e);
        } finally {
            pool.lock.unlock();
        }
        return recorder.finish(modelId);
    }

    private Worker leastLoaded() {
        Worker best = null;
        for (Worker worker : pool.live) {
            if (best == null || worker.inFlight.size() < best.inFlight.size()) {
                best = worker;
            }
        }
        return best;
    }
}
