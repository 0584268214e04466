package dev.crossover.threads;

import java.time.Duration;
import java.util.List;

/** Test help: the live threads whose names start with a prefix. */
final class LiveThreads {
    private LiveThreads() {
    }

    /** {@return the names of live threads that start with {@code prefix}, sorted} */
    static List<String> named(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith(prefix))
                .sorted()
                .toList();
    }

    /**
     * Waits up to {@code timeout} until at least {@code count} such threads are alive at once.
     *
     * @return their names at that moment, or the last names seen when the time ran out
     */
    static List<String> awaitAtLeast(String prefix, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> names = named(prefix);
        while (names.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
            names = named(prefix);
        }
        return names;
    }
}
