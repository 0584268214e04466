package dev.crossover.processes;

import dev.crossover.core.RunRecorder;
import dev.crossover.core.RunResult;
import dev.crossover.core.TaskSpec;
import dev.crossover.core.Workload;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run on a {@link WorkerPool}, driven by the calling thread: it admits a task whenever one of
 * the workload's {@code concurrency} places is free, hands it to the live worker holding the fewest
 * tasks, sends what it admitted in one write per worker, and between batches kills workers that
 * stay silent past the task timeout.
 *
 * <p>A task is in flight from admission until its reply, including while it waits in its worker's
 * queue, so the places are counted in the parent, as with a semaphore around
 * {@code multiprocessing.Pool.apply_async}.
 *
 * <h2>Threading</h2>
 * Runs on the caller of {@link #run}; bookkeeping happens under the pool's lock, pipe writes outside it.
 */
final class Dispatch {
    private final WorkerPool pool;
    private final String modelId;
    private final long timeoutNanos;
    private final long pollNanos;

    Dispatch(WorkerPool pool, String modelId) {
        this.pool = pool;
        this.modelId = modelId;
        this.timeoutNanos = pool.taskTimeout.toNanos();
        this.pollNanos = Math.min(timeoutNanos / 4, TimeUnit.MILLISECONDS.toNanos(100));
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
        List<Worker> targets = new ArrayList<>();
        List<TaskSpec> specs = new ArrayList<>();
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
                    targets.add(worker);
                    specs.add(spec);
                }
                if (!specs.isEmpty()) {
                    pool.lock.unlock();  // a pipe write may block: never hold the lock the readers need
                    try {
                        send(targets, specs);
                    } finally {
                        pool.lock.lock();
                    }
                    targets.clear();
                    specs.clear();
                    continue;  // places may have freed meanwhile
                }
                expireSilentWorkers();
                if (recorder.finished() < tasks) {
                    pool.changed.awaitNanos(pollNanos);
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

    /** Writes each task to its worker's buffer, then flushes each worker once. */
    private void send(List<Worker> targets, List<TaskSpec> specs) {
        List<Worker> written = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Worker worker = targets.get(i);
            try {
                worker.send(specs.get(i));
            } catch (IOException e) {
                failWriting(worker, e);
            }
            if (!written.contains(worker)) {
                written.add(worker);
            }
        }
        for (Worker worker : written) {
            try {
                worker.flush();
            } catch (IOException e) {
                failWriting(worker, e);
            }
        }
    }

    private void failWriting(Worker worker, IOException e) {
        pool.lock.lock();
        try {
            pool.fail(worker, new WorkerFailure(worker + ": stdin: " + e.getMessage()));
        } finally {
            pool.lock.unlock();
        }
    }

    /** Fails every worker that holds tasks and has sent nothing for longer than the task timeout. */
    private void expireSilentWorkers() {
        long now = System.nanoTime();
        for (Worker worker : List.copyOf(pool.live)) {
            long silentNanos = now - worker.lastProgressNanos;
            if (!worker.inFlight.isEmpty() && silentNanos > timeoutNanos) {
                pool.fail(worker, new WorkerFailure(worker + ": silent for " + TimeUnit.NANOSECONDS.toMillis(silentNanos)
                        + " ms holding " + worker.inFlight.size() + " tasks (expected: a reply within the task timeout, "
                        + pool.taskTimeout + "); killed"));
            }
        }
    }
}
