package dev.crossover.processes;

import dev.crossover.core.RunRecorder;
import dev.crossover.core.TaskSpec;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The parent's handle on one worker JVM: its process, the buffered pipe to its stdin, the frame
 * reader on its stdout, the tail of its stderr, and the tasks it holds.
 *
 * <h2>Threading</h2>
 * {@link #send} and {@link #flush} serialize on the stdin stream. The fields marked "guarded by
 * the pool lock" belong to {@link WorkerPool}'s lock; the reader is confined to the reader thread.
 */
final class Worker {
    /** A task sent to a worker and not yet answered. */
    record InFlight(TaskSpec spec, long admittedNanos, RunRecorder recorder) {
    }

    final int slot;
    final Process process;
    final FrameReader replies;
    final StderrTail stderr;
    /** Completed with the pid from the worker's hello, or failed if it never says hello. */
    final CompletableFuture<Long> ready = new CompletableFuture<>();
    private final DataOutputStream stdin;
    private final List<String> commandLine;

    // Guarded by the pool lock.
    final Map<Integer, InFlight> inFlight = new HashMap<>();
    boolean alive = true;
    long lastProgressNanos;

    private Worker(int slot, Process process, List<String> commandLine) {
        this.slot = slot;
        this.process = process;
        this.commandLine = commandLine;
        this.stdin = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        this.replies = new FrameReader(process.getInputStream());
        this.stderr = new StderrTail(process.getErrorStream(), "processes-worker-" + slot + "-stderr");
    }

    /**
     * Starts a worker JVM (it says hello on its own; the caller reads it).
     *
     * @throws IllegalStateException if the process cannot be started
     */
    static Worker start(int slot, WorkerCommand command, WorkerMode mode) {
        List<String> line = command.commandLine(mode);
        Process process;
        try {
            process = new ProcessBuilder(line).start();
        } catch (IOException e) {
            throw new IllegalStateException("worker " + slot + ": java launcher " + command.java()
                    + " could not start: " + e.getMessage() + " (expected: an executable java launcher, version 21 or later)", e);
        }
        return new Worker(slot, process, line);
    }

    /** Writes a task into the stdin buffer; {@link #flush} sends it. */
    void send(TaskSpec spec) throws IOException {
        synchronized (stdin) {
            Protocol.writeTask(stdin, spec);
        }
    }

    /** Writes and sends a test-only fault instruction. */
    void control(Protocol.Control control) throws IOException {
        synchronized (stdin) {
            Protocol.writeControl(stdin, control);
            stdin.flush();
        }
    }

    void flush() throws IOException {
        synchronized (stdin) {
            stdin.flush();
        }
    }

    /** Closes stdin: the worker's signal to exit. */
    void closeStdin() {
        synchronized (stdin) {
            try {
                stdin.close();
            } catch (IOException e) {
                // already gone: it exits (or has exited) all the same
            }
        }
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
