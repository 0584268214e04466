package dev.crossover.processes;

import dev.crossover.core.InjectedFailure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A worker's reader thread: it waits for the worker's hello, then hands its replies to the tasks'
 * completions in batches (one pool lock per pipe read), and when the worker's stdout ends or
 * breaks the protocol, tells the pool why, which fails the worker's tasks and replaces it.
 *
 * <h2>Threading</h2>
 * Runs on its own thread, one per worker; takes a batch's tasks under the pool's lock and calls
 * their completions after it (the driver submits the next tasks from there, on this thread).
 */
final class ReplyReader implements Runnable {
    private final WorkerPool pool;
    private final Worker worker;
    /** One pipe read's replies, and the tasks they answer (same positions); reused, reader-confined. */
    private final List<Protocol.Reply> replies = new ArrayList<>();
    private final List<Worker.InFlight> tasks = new ArrayList<>();

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

    /**
     * Hands every buffered reply to its task's completion: decoded first, the tasks taken from the
     * worker under the pool's lock (one lock per pipe read), the completions called after it is let
     * go. A reply for a task the worker does not hold, or a second hello, is malformed: the replies
     * before it count, then the worker is failed.
     */
    private void handleReplies() throws MalformedFrameException {
        MalformedFrameException malformed = null;
        try {
            for (ByteBuffer frame = worker.replies.next(); frame != null; frame = worker.replies.next()) {
                replies.add(Protocol.decodeReply(frame));
            }
        } catch (MalformedFrameException e) {
            malformed = e;
        }
        pool.lock.lock();
        try {
            // A worker already failed (timed out) has had its tasks failed: its late replies are dropped.
            for (int i = 0; i < replies.size() && worker.alive; i++) {
                Worker.InFlight task = switch (replies.get(i)) {
                    case Protocol.Result r -> worker.inFlight.remove(r.tag());
                    case Protocol.Failure f -> worker.inFlight.remove(f.tag());
                    case Protocol.Hello h -> null;
                };
                if (task == null) {
                    malformed = new MalformedFrameException(switch (replies.get(i)) {
                        case Protocol.Hello h -> "hello: a second one (expected: one, first)";
                        default -> "reply for tag " + tagOf(replies.get(i)) + " (expected: a task the worker holds)";
                    });
                    break;
                }
                tasks.add(task);
            }
            if (!tasks.isEmpty()) {
                worker.lastProgressNanos = System.nanoTime();
            }
        } finally {
            pool.lock.unlock();
        }
        for (int i = 0; i < tasks.size(); i++) {
            switch (replies.get(i)) {
                case Protocol.Result r -> tasks.get(i).completed(r.value(), r.lateness());
                case Protocol.Failure f -> tasks.get(i).failed(remoteCause(f), f.lateness());
                case Protocol.Hello h -> throw new AssertionError("a hello has no task");
            }
        }
        replies.clear();
        tasks.clear();
        if (malformed != null) {
            throw malformed;
        }
    }

    private static int tagOf(Protocol.Reply reply) {
        return switch (reply) {
            case Protocol.Result r -> r.tag();
            case Protocol.Failure f -> f.tag();
            case Protocol.Hello h -> -1;
        };
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
