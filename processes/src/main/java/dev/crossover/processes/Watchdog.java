package dev.crossover.processes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The pool's watchdog, on a thread of its own: every so often (a quarter of the task timeout, at
 * most {@value #MAX_PERIOD_MILLIS} ms) it fails each worker that holds tasks and has sent nothing
 * for longer than the task timeout, which kills it.
 *
 * <p>Why its own thread: the check must run whatever any pipe, worker or run does. On the
 * dispatcher's thread it ran only between pipe writes, so a worker that stopped reading starved it
 * (issue 9, item 6). It takes nothing but the pool's lock, which no one holds across a blocking call.
 *
 * <h2>Threading</h2>
 * Runs on its own thread until the pool closes; finds and fails silent workers under the pool's
 * lock, and tells the driver of their tasks after it is let go.
 */
final class Watchdog implements Runnable {
    private static final long MAX_PERIOD_MILLIS = 100;

    private final WorkerPool pool;
    private final long timeoutNanos;
    private final long periodNanos;

    Watchdog(WorkerPool pool) {
        this.pool = pool;
        this.timeoutNanos = pool.taskTimeout.toNanos();
        this.periodNanos = Math.max(1, Math.min(timeoutNanos / 4, TimeUnit.MILLISECONDS.toNanos(MAX_PERIOD_MILLIS)));
    }

    @Override
    public void run() {
        try {
            while (true) {
                List<WorkerPool.Lost> expired;
                pool.lock.lock();
                try {
                    if (pool.isClosed()) {
                        return;
                    }
                    pool.closing.awaitNanos(periodNanos);
                    if (pool.isClosed()) {
                        return;
                    }
                    expired = expireSilentWorkers();
                } finally {
                    pool.lock.unlock();
                }
                expired.forEach(WorkerPool.Lost::fail);  // the driver hears of them with no lock held
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();  // nobody interrupts it; if someone does, it stops
        }
    }

    /**
     * Fails every worker that holds tasks and has sent nothing for longer than the task timeout; holds the lock.
     *
     * @return the tasks they held, to fail once the lock is let go
     */
    private List<WorkerPool.Lost> expireSilentWorkers() {
        long now = System.nanoTime();
        List<WorkerPool.Lost> expired = new ArrayList<>();
        for (Worker worker : List.copyOf(pool.live)) {
            long silentNanos = now - worker.lastProgressNanos;
            if (!worker.inFlight.isEmpty() && silentNanos > timeoutNanos) {
                expired.add(pool.fail(worker, new WorkerFailure(worker + ": silent for "
                        + TimeUnit.NANOSECONDS.toMillis(silentNanos) + " ms holding " + worker.inFlight.size()
                        + " tasks (expected: a reply within the task timeout, " + pool.taskTimeout + "); killed")));
            }
        }
        return expired;
    }
}
