package dev.crossover.core;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Test help for finding threads a model left behind. */
public final class Threads {
    private Threads() {
    }

    /** {@return the live platform threads now} */
    public static Set<Thread> live() {
        return Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /**
     * Waits up to {@code timeout} until every live thread that is not in {@code before} has ended,
     * ignoring the JVM's own shared threads (virtual-thread carriers, the process reaper, the
     * cleaner), which outlive any one model by design.
     *
     * @return the threads still running at the end; empty when none is left
     */
    public static List<Thread> awaitNoneNewerThan(Set<Thread> before, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Thread> left;
        do {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive() && !isJvmShared(t))
                    .toList();
            if (left.isEmpty()) {
                return left;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return left;
    }

    private static boolean isJvmShared(Thread t) {
        String name = t.getName();
        return t.getClass().getName().equals("jdk.internal.misc.CarrierThread")
                || name.equals("process reaper")
                || name.startsWith("Common-Cleaner")
                || name.startsWith("ForkJoinPool.commonPool")
                || name.equals("Attach Listener")
                || name.startsWith("surefire");
    }
}
