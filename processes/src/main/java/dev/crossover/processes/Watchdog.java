package dev.crossover.processes;

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
 * Runs on its own thread until the pool closes; works under the pool's lock.
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
        pool.lock.lock();
        try {
            while (!pool.isClosed()) {
                expireSilentWorkers();
                pool.closing.awaitNanos(periodNanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();  // nobody interrupts it; if someone does, it stops
        } finally {
            pool.lock.unlock();
        }
    }

    /** Fails every worker that holds tasks and has sent nothing for longer than the task timeout. Holds the lock. */
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
