package dev.crossover.processes;

import java.util.Arrays;

/**
 * How late each of one task's waits ended, measured in the worker: the end minus the deadline,
 * in this JVM's {@link System#nanoTime()}, in the order the waits ended. The reply carries it to
 * the parent, which tells the driver (see {@link Protocol}).
 *
 * <h2>Threading</h2>
 * {@link #ended} may be called from several threads at once (a serial worker's fan-out sleeps on a
 * virtual thread per wait); {@link #lateness()} is read once every wait of the task is over.
 */
final class WaitLog {
    /** The log of a task that does not wait: shared, since nothing is ever written to it. */
    static final WaitLog NONE = new WaitLog(0);

    private final long[] lateness;
    private int ended;

    private WaitLog(int waits) {
        this.lateness = waits == 0 ? Protocol.NO_WAITS : new long[waits];
    }

    /** {@return an empty log for the waits of a task that makes {@code waits} of them} */
    static WaitLog of(int waits) {
        return waits == 0 ? NONE : new WaitLog(waits);
    }

    /**
     * Records that a wait asked to end at {@code deadlineNanos} ended now.
     *
     * @throws IllegalStateException if every wait of the task has ended already
     */
    synchronized void ended(long deadlineNanos) {
        long late = System.nanoTime() - deadlineNanos;
        if (ended == lateness.length) {
            throw new IllegalStateException("waits ended: " + (ended + 1) + " (expected: <= " + lateness.length + ")");
        }
        lateness[ended++] = late;
    }

    /** {@return the lateness of each wait that ended, in nanoseconds, in the order they ended} */
    synchronized long[] lateness() {
        return ended == lateness.length ? lateness : Arrays.copyOf(lateness, ended);
    }
}
