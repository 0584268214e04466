package dev.crossover.processes;

import dev.crossover.core.TaskSpec;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.locks.LockSupport;

/**
 * A worker's side of its stdout: buffered {@link Protocol} replies, flushed when the worker runs
 * out of queued work or is about to start a long task, so a burst of short tasks costs one pipe
 * write rather than one per task, and no reply waits behind a long task.
 *
 * <h2>Threading</h2>
 * Every method may be called from any thread; writes are serialized by the writer's monitor. A
 * failed write means the parent is gone: the caller lets the exception end the worker.
 */
final class ReplyWriter {
    /** Kernel units from which a task may run long enough that the replies before it should go first. */
    private static final long LONG_UNITS = 100;

    private final DataOutputStream out;
    private volatile boolean silenced;
    private boolean dirty;

    ReplyWriter(OutputStream stdout) {
        this.out = new DataOutputStream(new BufferedOutputStream(stdout, 1 << 16));
    }

    synchronized void hello(long pid) {
        write(() -> Protocol.writeHello(out, pid));
        dirty = true;
        flush();
    }

    /** Buffers a result; {@code waits} says how late each of the task's waits ended. */
    synchronized void result(int tag, long value, WaitLog waits) {
        write(() -> Protocol.writeResult(out, tag, value, waits.lateness()));
        dirty = true;
    }

    /** Buffers a failure; {@code waits} as in {@link #result}, for the waits that ended before it failed. */
    synchronized void failure(int tag, WaitLog waits, Throwable cause) {
        write(() -> Protocol.writeFailure(out, tag, waits.lateness(), cause.getClass().getName(), cause.getMessage()));
        dirty = true;
    }

    /** Sends the buffered replies, if any. */
    synchronized void flush() {
        if (dirty) {
            write(out::flush);
            dirty = false;
        }
    }

    /**
     * Sends the buffered replies before a task that waits or computes for a while, so they do not
     * wait for it; before a short task they stay buffered and leave in one write with its reply.
     */
    void flushBefore(TaskSpec spec) {
        if (spec.waits() > 0 || spec.cpuUnits() >= LONG_UNITS) {
            flush();
        }
    }

    /** As {@link #flushBefore}, for a task whose waits are over: only its computation counts. */
    void flushBeforeComputing(TaskSpec spec) {
        if (spec.cpuUnits() >= LONG_UNITS) {
            flush();
        }
    }

    /** Writes a frame of an unknown type and flushes it (fault injection). */
    synchronized void garbage() {
        write(() -> {
            out.writeInt(3);
            out.write(new byte[] {(byte) 0x7F, 1, 2});
            out.flush();
        });
    }

    /** Writes the first bytes of a frame and ends the JVM, as a worker killed mid-write (fault injection). */
    synchronized void truncateAndExit(int status) {
        write(() -> {
            out.writeInt(20);
            out.write(new byte[] {1, 2, 3});
            out.flush();
        });
        Runtime.getRuntime().halt(status);
    }

    /** From now on, every write blocks for good, as in a hung worker (fault injection). */
    void silence() {
        silenced = true;
    }

    private interface Write {
        void run() throws IOException;
    }

    private void write(Write write) {
        while (silenced) {
            LockSupport.park(this);  // hung on purpose; the parent's watchdog kills this JVM
        }
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException("stdout: " + e.getMessage() + " (expected: the parent reading)", e);
        }
    }
}
