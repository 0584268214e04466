package dev.crossover.processes;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The entry point of a worker JVM: {@code java -cp <the parent's class path> dev.crossover.processes.WorkerMain MODE}.
 *
 * <p>It says hello on stdout, then its main thread reads task frames from stdin and hands them to
 * the {@link TaskRunner} of its {@link WorkerMode}, which writes replies to stdout. When stdin
 * ends, because the parent closed the pool or died (even by SIGKILL: the kernel closes its end of
 * the pipe), the worker halts at once, whatever task it is running: no worker outlives its parent.
 *
 * <h2>Threading</h2>
 * The main thread only reads; tasks run on the runner's threads. Any uncaught throwable halts the
 * worker, so the parent sees one clear death rather than a half-working worker.
 */
public final class WorkerMain {
    /** The status a worker halts with when it breaks down on its own (a malformed frame, an uncaught error). */
    static final int BROKEN_STATUS = 70;

    private WorkerMain() {
    }

    public static void main(String[] args) {
        PrintStream err = System.err;
        System.setOut(err);  // stdout carries frames only: stray prints go to stderr
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            err.println("worker: uncaught in " + thread.getName() + ": " + failure);
            failure.printStackTrace(err);
            err.flush();
            Runtime.getRuntime().halt(BROKEN_STATUS);
        });
        if (args.length != 1) {
            err.println("worker: arguments: " + List.of(args) + " (expected: one of " + List.of(WorkerMode.values()) + ")");
            Runtime.getRuntime().halt(BROKEN_STATUS);
        }
        WorkerMode mode = WorkerMode.valueOf(args[0]);
        ReplyWriter out = new ReplyWriter(new FileOutputStream(FileDescriptor.out));
        TaskRunner runner = switch (mode) {
            case SERIAL -> new SerialRunner(out);
            case EVENT_LOOP -> new LoopRunner(out);
        };
        out.hello(ProcessHandle.current().pid());
        try {
            readTasks(new FrameReader(new FileInputStream(FileDescriptor.in)), runner, out);
            runner.stop();
        } catch (IOException e) {
            err.println("worker: stdin: " + e.getMessage());
            err.flush();
            Runtime.getRuntime().halt(BROKEN_STATUS);
        }
        Runtime.getRuntime().halt(0);  // stdin ended: the parent closed the pool, or died
    }

    private static void readTasks(FrameReader in, TaskRunner runner, ReplyWriter out) throws IOException {
        List<Protocol.Task> batch = new ArrayList<>();
        while (in.fill()) {
            for (ByteBuffer frame = in.next(); frame != null; frame = in.next()) {
                switch (Protocol.decodeCommand(frame)) {
                    case Protocol.Task task -> batch.add(task);
                    case Protocol.ControlCommand control -> obey(control.control(), out);
                }
            }
            if (!batch.isEmpty()) {
                runner.submit(List.copyOf(batch));
                batch.clear();
            }
        }
    }

    /** Test-only fault injection, acted on at once while tasks keep running. */
    private static void obey(Protocol.Control control, ReplyWriter out) {
        switch (control) {
            case EXIT -> System.exit(Protocol.Control.CRASH_STATUS);
            case EXHAUST_MEMORY -> {
                List<long[]> hog = new ArrayList<>();
                while (true) {
                    hog.add(new long[1 << 20]);
                }
            }
            case HANG -> out.silence();
            case GARBAGE -> out.garbage();
            case TRUNCATE -> out.truncateAndExit(Protocol.Control.CRASH_STATUS);
            case DEAF -> {
                while (true) {
                    LockSupport.park();
                }
            }
        }
    }
}
