package dev.crossover.processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Test help for watching processes go. */
final class Orphans {
    /**
     * How long a test waits for a process to go. The requirement is tighter (a worker exits within
     * a second of its parent's death; measured by hand with SIGKILL, see the issue notes); a test
     * on a busy machine allows more, so it fails on a worker that stays, not on a slow exit.
     */
    static final Duration GONE_WITHIN = Duration.ofSeconds(5);

    private Orphans() {
    }

    /**
     * Waits up to {@code timeout} until process {@code pid} has stopped running.
     *
     * @return whether it stopped; a zombie (exited, not yet reaped by whoever adopted it) counts as stopped
     */
    static boolean awaitGone(long pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    static boolean running(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return !zombie(pid);
        }
        return false;
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return false;  // no /proc entry: it is gone, or this is not Linux; isAlive decided
        }
    }
}
