package dev.crossover.core;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test help for finding threads a model left behind, virtual threads included.
 *
 * <p>{@link Thread#getAllStackTraces()} lists platform threads only, so the live threads are read
 * from the JVM's own thread dump ({@link HotSpotDiagnosticMXBean#dumpThreads}), which lists
 * every started, unfinished thread, virtual ones too.
 */
public final class Threads {
    private static final Pattern TID = Pattern.compile("\"tid\": \"(\\d+)\"");
    private static final Pattern NAME = Pattern.compile("\"name\": \"(.*)\",?$");

    private Threads() {
    }

    /** {@return the ids of the live threads now, virtual threads included} */
    public static Set<Long> live() {
        return Set.copyOf(dump().keySet());
    }

    /**
     * Waits up to {@code timeout} until every live thread whose id is not in {@code before} has
     * ended, ignoring the JVM's own shared platform threads (virtual-thread carriers and their
     * scheduler, the process reaper, the cleaner), which outlive any one model by design.
     *
     * @return descriptions of the threads still running at the end; empty when none is left
     */
    public static List<String> awaitNoneNewerThan(Set<Long> before, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> left;
        do {
            Map<Long, Thread> platform = new HashMap<>();
            Thread.getAllStackTraces().keySet().forEach(t -> platform.put(t.threadId(), t));
            left = new ArrayList<>();
            for (Map.Entry<Long, String> e : dump().entrySet()) {
                Thread t = platform.get(e.getKey());
                if (!before.contains(e.getKey()) && (t == null || (t.isAlive() && !isJvmShared(t)))) {
                    left.add((t == null ? "virtual thread #" : "thread #") + e.getKey() + " \"" + e.getValue() + "\"");
                }
            }
            if (left.isEmpty()) {
                return left;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return left;
    }

    /** {@return thread id to name, for every thread in a fresh JSON thread dump} */
    private static Map<Long, String> dump() {
        try {
            Path dir = Files.createTempDirectory("crossover-threads");
            Path file = dir.resolve("dump.json");
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
                Map<Long, String> threads = new LinkedHashMap<>();
                Long tid = null;
                for (String line : Files.readAllLines(file)) {
                    Matcher id = TID.matcher(line.trim());
                    Matcher name = NAME.matcher(line.trim());
                    if (id.matches()) {
                        tid = Long.parseLong(id.group(1));
                        threads.put(tid, "");
                    } else if (tid != null && name.matches()) {
                        threads.put(tid, name.group(1));
                        tid = null;
                    }
                }
                return threads;
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isJvmShared(Thread t) {
        String name = t.getName();
        return t.getClass().getName().equals("jdk.internal.misc.CarrierThread")
                || name.equals("process reaper")
                || name.equals("VirtualThread-unblocker")
                || name.matches("ForkJoinPool-\\d+-delayScheduler")
                || name.startsWith("Common-Cleaner")
                || name.startsWith("ForkJoinPool.commonPool")
                || name.equals("Attach Listener")
                || name.startsWith("surefire");
    }
}
