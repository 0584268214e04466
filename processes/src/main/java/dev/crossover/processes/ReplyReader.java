package dev.crossover.processes;

import dev.crossover.core.InjectedFailure;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A worker's reader thread: it waits for the worker's hello, then records its replies in batches
 * (one lock and one wake-up of the dispatcher per pipe read), and when the worker's stdout ends or
 * breaks the protocol, tells the pool why, which fails the worker's tasks and replaces it.
 *
 * <h2>Threading</h2>
 * Runs on its own thread, one per worker; records replies under the pool's lock.
 */
final class ReplyReader implements Runnable {
    private final WorkerPool pool;
    private final Worker worker;

    ReplyReader(WorkerPool pool, Worker worker) {
        this.pool = pool;
        this.worker = worker;
    }

    /** The hello, then batches of replies, then the worker's end (and, through the pool, its replacement). */
    @Override
    public void run() {
        WorkerFailure cause;
        try {
            if (worker.replies.fill()) {
                if (!(Protocol.decodeReply(worker.replies.next()) instanceof Protocol.Hello)) {
                    throw new MalformedFrameException("first frame: not a hello (expected: a hello)");
                }
                worker.ready.complete(worker.process.pid());
                do {
                    handleReplies();
                } while (worker.replies.fill());
            }
            cause = death();
        } catch (java.io.EOFException e) {
            WorkerFailure died = death();
            cause = new WorkerFailure(died.getMessage() + " (" + e.getMessage() + ")");
        } catch (MalformedFrameException e) {
            cause = new WorkerFailure(worker + ": malformed frame: " + e.getMessage() + "; killed");
        } catch (IOException e) {
            cause = new WorkerFailure(worker + ": stdout: " + e.getMessage());
        }
        worker.ready.completeExceptionally(cause);  // no-op once it said hello
        pool.ended(worker, cause);
    }

    /** Records every reply buffered; a result for a task the worker does not hold is malformed. */
    private void handleReplies() throws MalformedFrameException {
        pool.lock.lock();
        try {
            long now = System.nanoTime();
            for (ByteBuffer frame = worker.replies.next(); frame != null; frame = worker.replies.next()) {
                Protocol.Reply reply = Protocol.decodeReply(frame);
                if (!worker.alive) {
                    continue;  // already failed (timed out): its tasks are counted, late replies are dropped
                }
                switch (reply) {
                    case Protocol.Result r -> {
                        Worker.InFlight task = take(r.index());
                        task.recorder().complete(task.spec(), r.value(), task.admittedNanos());
                    }
                    case Protocol.Failure f -> {
                        Worker.InFlight task = take(f.index());
                        task.recorder().fail(task.spec(), remoteCause(f), task.admittedNanos());
                    }
                    case Protocol.Hello h -> throw new MalformedFrameException("hello: a second one (expected: one, first)");
                }
                worker.lastProgressNanos = now;
            }
            pool.changed.signalAll();
        } finally {
            pool.lock.unlock();
        }
    }

    private Worker.InFlight take(int index) throws MalformedFrameException {
        Worker.InFlight task = worker.inFlight.remove(index);
        if (task == null) {
            throw new MalformedFrameException("reply for task " + index + " (expected: a task the worker holds)");
        }
        return task;
    }

    private static RuntimeException remoteCause(Protocol.Failure failure) {
        return failure.type().equals(InjectedFailure.class.getName())
                ? new InjectedFailure(failure.message())
                : new RemoteTaskFailure(failure.type(), failure.message());
    }

    /**
     * {@return why the worker's stdout ended: its exit status, a signal, the last words on its
     * stderr, and a failed write to its stdin if that is what ended it}
     */
    private WorkerFailure death() {
        int status = worker.awaitExit(WorkerPool.EXIT_GRACE_MILLIS);
        String how = status < 0 ? "closed its stdout"
                : "exited with status " + status + (status > 128 ? " (signal " + (status - 128) + ")" : "");
        String when = worker.ready.isDone() ? "" : " before its hello";
        String stderr = worker.stderr.lastLines(500);
        IOException write = worker.stdin.failure();
        return new WorkerFailure(worker + ": " + how + when + (stderr.isEmpty() ? "" : "; stderr: " + stderr)
                + (write == null ? "" : "; stdin: " + write.getMessage()));
    }
}
