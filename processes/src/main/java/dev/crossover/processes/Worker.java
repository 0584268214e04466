package dev.crossover.processes;

import dev.crossover.core.OwnedThreads;
import dev.crossover.core.RunRecorder;
import dev.crossover.core.TaskSpec;
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
    /** A task sent to a worker and not yet answered. */
    record InFlight(TaskSpec spec, long admittedNanos, RunRecorder recorder) {
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

    /** Queues tasks for the worker; they leave in one pipe write. */
    void send(List<TaskSpec> specs) {
        stdin.send(specs.stream().map(Protocol.Task::new).toList());
    }

    /** Queues a test-only fault instruction. */
    void control(Protocol.Control control) {
        stdin.send(List.of(new Protocol.ControlCommand(control)));
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
