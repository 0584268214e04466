package dev.crossover.processes;

import dev.crossover.core.Completion;
import dev.crossover.core.OwnedThreads;
import dev.crossover.core.TaskSpec;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The parent's handle on one worker JVM: its process, the writer of its stdin, the frame reader
 * on its stdout, the tail of its stderr, and the tasks it holds.
 *
 * <h2>Threading</h2>
 * {@link #send} and {@link #control} only queue frames for the worker's {@link StdinWriter}, so
 * they never block on the pipe. The fields marked "guarded by the pool lock" belong to
 * {@link WorkerPool}'s lock; the reader is confined to the reader thread.
 */
final class Worker {
    /**
     * A task handed to the pool and not yet answered, and its frame: written by the worker's stdin
     * writer, which tells the driver the task {@linkplain Completion#began() began} as the frame
     * leaves (the nearest the parent sees to the start, which happens in the worker).
     *
     * <p>Its methods call the driver's {@link Completion}, never under the pool's lock (the driver
     * may submit the next task from inside); a callback that throws is handed to the calling
     * thread's uncaught-exception handler and the thread goes on, so one bad callback costs no
     * other task its outcome.
     *
     * @param tag  the pool's name for it in frames, unique among the tasks it holds
     * @param spec the task
     * @param done what hears of it
     */
    record InFlight(int tag, TaskSpec spec, Completion done) implements StdinWriter.Frame {
        @Override
        public void write(DataOutputStream out) throws IOException {
            try {
                done.began();
            } catch (RuntimeException e) {
                report("began", e);
            }
            Protocol.writeTask(out, tag, spec);
        }

        /** Tells the driver the task completed, after each of its waits' ends ({@code lateness}, as the worker measured it). */
        void completed(long value, long[] lateness) {
            try {
                waitsEnded(lateness);
                done.completed(value);
            } catch (RuntimeException e) {
                report("completed", e);
            }
        }

        /** Tells the driver the task failed, after the ends of the waits that ended first. */
        void failed(Throwable cause, long[] lateness) {
            try {
                waitsEnded(lateness);
                done.failed(cause);
            } catch (RuntimeException e) {
                report("failed", e);
            }
        }

        /** Tells the driver the task failed with {@code cause}, its waits unheard of (its worker is gone). */
        void failed(Throwable cause) {
            failed(cause, Protocol.NO_WAITS);
        }

        /**
         * The worker measured each lateness in its own clock; the deadline in this JVM's clock is
         * now minus it, so the driver, which subtracts that deadline from its own now, records the
         * worker's figure (plus the nanoseconds between the two clock reads).
         */
        private void waitsEnded(long[] lateness) {
            for (long nanos : lateness) {
                done.waitEnded(System.nanoTime() - nanos);
            }
        }

        private void report(String callback, RuntimeException e) {
            Thread thread = Thread.currentThread();
            thread.getUncaughtExceptionHandler().uncaughtException(thread, new IllegalStateException(
                    "task " + spec.index() + ": " + callback + "() threw (expected: a completion that returns)", e));
        }
    }

    final int slot;
    final Process process;
    final FrameReader replies;
    final StderrTail stderr;
    final StdinWriter stdin;
    /** Completed with the pid from the worker's hello, or failed if it never says hello. */
    final CompletableFuture<Long> ready = new CompletableFuture<>();
    private final List<String> commandLine;

    // Guarded by the pool lock.
    final Map<Integer, InFlight> inFlight = new HashMap<>();
    boolean alive = true;
    long lastProgressNanos;

    private Worker(int slot, Process process, List<String> commandLine, OwnedThreads threads) {
        this.slot = slot;
        this.process = process;
        this.commandLine = commandLine;
        this.replies = new FrameReader(process.getInputStream());
        this.stderr = new StderrTail(process.getErrorStream(), threads.factory(daemon(slot, "stderr")));
        this.stdin = new StdinWriter(process.getOutputStream(), process::destroyForcibly,
                threads.factory(daemon(slot, "writer")));
    }

    /** {@return a factory of daemon platform threads named {@code processes-worker-<slot>-<role>}} */
    static ThreadFactory daemon(int slot, String role) {
        return Thread.ofPlatform().daemon().name("processes-worker-" + slot + "-" + role).factory();
    }

    /**
     * Starts a worker JVM (it says hello on its own; the caller reads it), and its stderr and stdin threads.
     *
     * @param threads records the threads started for it
     * @throws IllegalStateException if the process cannot be started
     */
    static Worker start(int slot, WorkerCommand command, WorkerMode mode, OwnedThreads threads) {
        List<String> line = command.commandLine(mode);
        Process process;
        try {
            process = new ProcessBuilder(line).start();
        } catch (IOException e) {
            throw new IllegalStateException("worker " + slot + ": java launcher " + command.java()
                    + " could not start: " + e.getMessage() + " (expected: an executable java launcher, version 21 or later)", e);
        }
        return new Worker(slot, process, line, threads);
    }

    /** Queues a task for the worker, to leave with whatever else is queued. */
    void send(InFlight task) {
        stdin.send(task);
    }

    /** Queues a test-only fault instruction. */
    void control(Protocol.Control control) {
        stdin.send(out -> Protocol.writeControl(out, control));
    }

    /** {@return the exit status, waiting up to {@code millis} for the process to end; -1 if it has not} */
    int awaitExit(long millis) {
        try {
            return process.waitFor(millis, TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** {@return the command line that started it, shortened for messages} */
    String commandLine() {
        String line = String.join(" ", commandLine);
        return line.length() <= 300 ? line : line.substring(0, 300) + "...";
    }

    @Override
    public String toString() {
        return "worker " + slot + " (pid " + process.pid() + ")";
    }
}
