package dev.crossover.processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Test help for stopping a worker as a long GC pause would: SIGSTOP, seen in /proc (Linux). */
final class Signals {
    private Signals() {
    }

    /** Sends SIGSTOP to {@code pid} and waits (up to 10 s) until /proc says it is stopped. */
    static void stop(long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-STOP", Long.toString(pid)).redirectErrorStream(true).start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS), "kill -STOP " + pid + " ended");
        assertEquals(0, kill.exitValue(), () -> "kill -STOP " + pid + ": " + output(kill));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (char state = state(pid); state != 'T'; state = state(pid)) {
            assertTrue(System.nanoTime() < deadline, "process " + pid + " in state " + state + " (expected: T, stopped)");
            Thread.sleep(5);
        }
    }

    private static char state(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }

    private static String output(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
