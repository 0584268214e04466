package dev.crossover.processes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.ThreadFactory;

/**
 * Drains a worker's stderr on its own thread, keeping the last few lines, so a worker that cannot
 * start or dies can be explained ("Could not find or load main class", "OutOfMemoryError") and a
 * chatty worker never blocks on a full pipe.
 *
 * <h2>Threading</h2>
 * The drain thread ends when the worker's stderr does; {@link #lastLines()} may be called from any thread.
 */
final class StderrTail {
    private static final int KEPT_LINES = 8;

    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final Thread thread;

    /** Starts draining {@code stderr} on a thread made by {@code threads}. */
    StderrTail(InputStream stderr, ThreadFactory threads) {
        this.thread = threads.newThread(() -> drain(stderr));
        thread.start();
    }

    private void drain(InputStream stderr) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (lines) {
                    if (lines.size() == KEPT_LINES) {
                        lines.removeFirst();
                    }
                    lines.addLast(line);
                }
            }
        } catch (IOException e) {
            // the stream was closed under us: the worker is gone, and so is what it had to say
        }
    }

    /** {@return the kept lines joined by " | ", after waiting up to {@code millis} for the stream to end} */
    String lastLines(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lines) {
            return String.join(" | ", lines);
        }
    }
}
