package dev.crossover.processes;

import dev.crossover.core.Completion;

/**
 * A task's {@link Completion} that keeps {@code began()} before the outcome when two threads race:
 * the stdin writer says a task began as its frame leaves, while a dying worker's tasks are failed on
 * another thread. A {@code began()} that comes after the outcome is dropped (the task never began in
 * a worker that was already gone).
 *
 * <h2>Threading</h2>
 * Any threads; each call holds this task's own monitor only.
 */
final class Ordered implements Completion {
    private final Completion done;
    private boolean ended;

    Ordered(Completion done) {
        this.done = done;
    }

    @Override
    public synchronized void began() {
        if (!ended) {
            done.began();
        }
    }

    @Override
    public void waitEnded(long deadlineNanos) {
        done.waitEnded(deadlineNanos);
    }

    @Override
    public void completed(long result) {
        synchronized (this) {
            ended = true;
        }
        done.completed(result);
    }

    @Override
    public void failed(Throwable cause) {
        synchronized (this) {
            ended = true;
        }
        done.failed(cause);
    }
}
