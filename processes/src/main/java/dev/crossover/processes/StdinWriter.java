package dev.crossover.processes;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A worker's stdin, written by a thread of its own: {@link #send} queues frames and returns at
 * once; the writer thread takes everything queued, writes it and flushes once per batch.
 * {@link Frame#write} runs on the writer thread, so a frame can note when it leaves (a task's
 * {@code began()}, see {@link Worker.InFlight}).
 *
 * <p>Why a thread per worker: a pipe write blocks while the pipe is full, and a worker that stops
 * reading (a long GC pause, SIGSTOP) leaves it full. Written from the thread that hands out tasks
 * (once a dispatcher; now the driver's threads, which include every worker's reply reader, since
 * the driver submits from completions), such a write blocked that thread, every other worker and
 * the watchdog that should have killed the stuck worker (issue 9, item 6). Here it blocks this
 * writer only; the watchdog kills the worker, the kill breaks the pipe, and the blocked write fails.
 *
 * <h2>Lifecycle</h2>
 * {@code OPEN -> CLOSING -> ENDED}. {@link #close()} asks for the end: no frame is taken any more,
 * those already queued are written, then stdin is closed, which tells the worker to exit, and the
 * thread ends. A failed write ends it too: the failure is kept for {@link #failure()} and the
 * worker is killed, so its reader reports its end and the pool fails its tasks; frames sent after
 * that are dropped (their tasks are the pool's to fail, it holds them).
 *
 * <h2>Threading</h2>
 * {@link #send} and {@link #close} may be called from any thread and never block on the pipe; the
 * stream is confined to the writer thread, so closing never waits behind a blocked write.
 */
final class StdinWriter {
    /** Something to write to the worker's stdin. */
    @FunctionalInterface
    interface Frame {
        /** Writes the frame (buffered: the batch is flushed after its last frame); called on the writer thread. */
        void write(DataOutputStream out) throws IOException;
    }

    private final DataOutputStream out;
    private final Runnable kill;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition queued = lock.newCondition();

    // Guarded by lock.
    private List<Frame> queue = new ArrayList<>();
    private boolean closing;

    private volatile IOException failure;

    /**
     * Starts the writer thread.
     *
     * @param stdin   the worker's stdin, owned from now on by the writer thread
     * @param kill    kills the worker; run when a write fails
     * @param threads makes the writer thread
     */
    StdinWriter(OutputStream stdin, Runnable kill, ThreadFactory threads) {
        this.out = new DataOutputStream(new BufferedOutputStream(stdin, 1 << 16));
        this.kill = kill;
        threads.newThread(this::write).start();
    }

    /** Queues {@code frame} for the worker, to leave with whatever else is queued; dropped if the writer is closing or ended. */
    void send(Frame frame) {
        lock.lock();
        try {
            if (closing) {
                return;
            }
            boolean wasEmpty = queue.isEmpty();
            queue.add(frame);
            if (wasEmpty) {
                queued.signal();  // the writer waits only on an empty queue
            }
        } finally {
            lock.unlock();
        }
    }

    /** Asks the writer to write what is queued, close stdin and end; returns at once. Idempotent. */
    void close() {
        lock.lock();
        try {
            closing = true;
            queued.signal();
        } finally {
            lock.unlock();
        }
    }

    /** {@return the failure that ended the writer, or null if no write failed} */
    IOException failure() {
        return failure;
    }

    private void write() {
        List<Frame> batch = new ArrayList<>();
        try {
            while (true) {
                lock.lock();
                try {
                    while (queue.isEmpty() && !closing) {
                        queued.awaitUninterruptibly();  // nobody interrupts it: close() is the way to stop it
                    }
                    if (queue.isEmpty()) {
                        return;  // closing, and everything queued is written
                    }
                    List<Frame> taken = queue;
                    queue = batch;
                    batch = taken;
                } finally {
                    lock.unlock();
                }
                for (Frame frame : batch) {
                    frame.write(out);
                }
                out.flush();  // may block while the worker does not read; only this thread waits
                batch.clear();
            }
        } catch (IOException e) {
            failure = e;
            kill.run();  // a worker that cannot be written to is of no use: its reader reports its end
        } finally {
            end();
        }
    }

    private void end() {
        lock.lock();
        try {
            closing = true;
            queue = new ArrayList<>();
        } finally {
            lock.unlock();
        }
        try {
            out.close();  // the worker's signal to exit, if it is still there to read it
        } catch (IOException e) {
            // the pipe is broken: the worker is gone, or being killed
        }
    }
}
