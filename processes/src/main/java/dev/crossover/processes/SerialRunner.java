package dev.crossover.processes;

import dev.crossover.core.TaskSpec;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a worker's tasks one at a time, in arrival order, on one thread; the tasks behind the
 * running one wait in a queue, as in {@code multiprocessing.Pool}. Replies are flushed as
 * {@link ReplyWriter} says: when the queue runs dry, and before a long task.
 *
 * <h2>Threading</h2>
 * {@link #submit} is called by the reader thread; tasks run on the runner's own thread.
 */
final class SerialRunner implements TaskRunner {
    /** Real I/O the blocking way, where the parent said (see {@link WorkerIo}). */
    private final dev.crossover.core.BlockingIo io = new dev.crossover.core.BlockingIo("processes", WorkerIo.fromSystemProperties());

    /** Tells a task's wait log when its real-I/O wait ended; the rest of a completion is the reply's. */
    private record LoggedWaits(WaitLog waits) implements dev.crossover.core.Completion {
        @Override
        public void began() {
        }

        @Override
        public void waitEnded(long deadlineNanos) {
            waits.ended(deadlineNanos);
        }

        @Override
        public void completed(long result) {
        }

        @Override
        public void failed(Throwable cause) {
        }
    }

    private final ReplyWriter out;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition queued = lock.newCondition();
    private final ArrayDeque<Protocol.Task> queue = new ArrayDeque<>();

    SerialRunner(ReplyWriter out) {
        this.out = out;
        Thread thread = new Thread(this::runTasks, "worker-tasks");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void submit(List<Protocol.Task> batch) {
        lock.lock();
        try {
            queue.addAll(batch);
            queued.signal();
        } finally {
            lock.unlock();
        }
    }

    private void runTasks() {
        try {
            while (true) {
                run(take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();  // only at exit: the worker is halting
        }
    }

    private Protocol.Task take() throws InterruptedException {
        lock.lock();
        try {
            if (queue.isEmpty()) {
                lock.unlock();
                try {
                    out.flush();  // nothing else to do: send what is buffered before sleeping
                } finally {
                    lock.lock();
                }
                while (queue.isEmpty()) {
                    queued.await();
                }
            }
            return queue.poll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs one task and replies with how late its waits ended; a task's exception becomes a
     * failure reply, an {@link Error} ends the worker.
     */
    private void run(Protocol.Task task) throws InterruptedException {
        TaskSpec spec = task.spec();
        out.flushBefore(spec);
        WaitLog waits = WaitLog.of(spec.waits());
        long result;
        try {
            if (spec.realIo()) {
                result = spec.compute(io.await(spec, new LoggedWaits(waits)));
            } else {
                Waits.await(spec, waits);
                result = spec.compute();
            }
        } catch (java.io.IOException e) {  // refused, reset, timed out, malformed: the task fails with it
            out.failure(task.tag(), waits, new java.io.UncheckedIOException(
                    e.getClass().getSimpleName() + ": " + e.getMessage(), e));
            return;
        } catch (RuntimeException e) {  // InjectedFailure included
            out.failure(task.tag(), waits, e);
            return;
        }
        out.result(task.tag(), result, waits);
    }
}
