package dev.crossover.benchmarks.footprint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Linux limits on how many threads a process may start, read before any task count is tried,
 * so that no count a model cannot reach is attempted: the JVM would print thread-start warnings and
 * the machine would run out of processes for everything else on it.
 *
 * <ul>
 * <li>{@code kernel.pid_max} ({@code /proc/sys/kernel/pid_max}): every thread takes a pid;</li>
 * <li>{@code kernel.threads-max}: threads on the whole machine;</li>
 * <li>{@code vm.max_map_count}: mappings per process; a platform thread's stack takes
 *     {@value #MAPS_PER_THREAD} (the stack and its guard page, measured on JDK 25);</li>
 * <li>{@code ulimit -u} (RLIMIT_NPROC, the user's threads), which root ignores;</li>
 * <li>{@code ulimit -n} (RLIMIT_NOFILE), read and recorded: a sleeping task holds no file.</li>
 * </ul>
 * The threads in use on the machine (the total of {@code /proc/loadavg}) are read each time a
 * budget is asked for, and {@value #KEPT_FREE} pids are always left to the rest of the machine.
 *
 * @param pidMax         kernel.pid_max
 * @param threadsMax     kernel.threads-max
 * @param maxMapCount    vm.max_map_count
 * @param maxUserThreads ulimit -u, -1 when unlimited
 * @param maxOpenFiles   ulimit -n, -1 when unlimited
 * @param root           whether this process runs as root (which ignores ulimit -u)
 */
public record PlatformLimits(long pidMax, long threadsMax, long maxMapCount, long maxUserThreads, long maxOpenFiles,
                             boolean root) {
    /** Pids (and threads) always left to the rest of the machine. */
    static final long KEPT_FREE = 4_096;
    /** Mappings a platform thread's stack takes: the stack and its guard page. */
    static final long MAPS_PER_THREAD = 2;
    /** Mappings a JVM holds before its tasks' threads (heap, code, libraries, its own threads), generously. */
    static final long JVM_MAPS = 4_096;

    private static final Pattern LIMIT = Pattern.compile("(?m)^%s\\s+(\\S+)\\s+(\\S+)");
    private static final Pattern UID = Pattern.compile("(?m)^Uid:\\s+(\\d+)");
    private static final Pattern LOADAVG_THREADS = Pattern.compile("^\\S+ \\S+ \\S+ \\d+/(\\d+)");

    /** {@return the limits of this machine and process}, -1 for a limit that cannot be read */
    public static PlatformLimits read() {
        String limits = text(Path.of("/proc/self/limits"));
        String status = text(Path.of("/proc/self/status"));
        Matcher uid = UID.matcher(status);
        return new PlatformLimits(number(Path.of("/proc/sys/kernel/pid_max")),
                number(Path.of("/proc/sys/kernel/threads-max")), number(Path.of("/proc/sys/vm/max_map_count")),
                softLimit(limits, "Max processes"), softLimit(limits, "Max open files"),
                uid.find() && uid.group(1).equals("0"));
    }

    /** {@return the threads on the machine now (the total of {@code /proc/loadavg}), -1 if unknown} */
    public static long threadsInUse() {
        return threadsIn(text(Path.of("/proc/loadavg")));
    }

    /** {@return the total threads of a {@code /proc/loadavg} line ({@code 1.33 1.13 1.89 2/456 12345}), -1 if unreadable} */
    static long threadsIn(String loadavg) {
        Matcher m = LOADAVG_THREADS.matcher(loadavg.strip());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** {@return the soft limit named {@code name} in a {@code /proc/PID/limits} text, -1 when unlimited or absent} */
    static long softLimit(String limits, String name) {
        Matcher m = Pattern.compile(String.format(LIMIT.pattern(), Pattern.quote(name))).matcher(limits);
        if (!m.find() || m.group(1).equals("unlimited")) {
            return -1;
        }
        try {
            return Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * How many more platform threads may start, and the limit that says so.
     *
     * @param threads the threads that may start
     * @param limit   the binding limit, in words: {@code "limit: 32,768 threads (pid_max)"}
     * @param detail  how the count follows from it: what is in use, what is kept free
     */
    public record ThreadBudget(long threads, String limit, String detail) {
    }

    /**
     * {@return how many more platform threads one process may start now, with {@code inUse} threads
     * on the machine}: the least of what each limit leaves, {@value #KEPT_FREE} pids kept free
     */
    public ThreadBudget threadBudget(long inUse) {
        long used = Math.max(0, inUse);
        List<ThreadBudget> candidates = new ArrayList<>();
        if (pidMax > 0) {
            candidates.add(new ThreadBudget(pidMax - used - KEPT_FREE, "limit: " + count(pidMax) + " threads (pid_max)",
                    count(used) + " in use on the machine, " + count(KEPT_FREE) + " kept free"));
        }
        if (threadsMax > 0) {
            candidates.add(new ThreadBudget(threadsMax - used - KEPT_FREE,
                    "limit: " + count(threadsMax) + " threads (kernel.threads-max)",
                    count(used) + " in use on the machine, " + count(KEPT_FREE) + " kept free"));
        }
        if (maxMapCount > 0) {
            candidates.add(new ThreadBudget((maxMapCount - JVM_MAPS) / MAPS_PER_THREAD,
                    "limit: " + count(maxMapCount) + " mappings per process (vm.max_map_count)",
                    MAPS_PER_THREAD + " per thread stack, " + count(JVM_MAPS) + " kept for the JVM itself"));
        }
        if (maxUserThreads > 0 && !root) {
            candidates.add(new ThreadBudget(maxUserThreads - used - KEPT_FREE,
                    "limit: " + count(maxUserThreads) + " threads of this user (ulimit -u)",
                    count(used) + " in use on the machine, " + count(KEPT_FREE) + " kept free"));
        }
        return candidates.stream().min(Comparator.comparingLong(ThreadBudget::threads))
                .map(b -> new ThreadBudget(Math.max(0, b.threads()), b.limit(), b.detail()))
                .orElse(new ThreadBudget(Long.MAX_VALUE, "no limit known", "none of the limits could be read"));
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static long number(Path file) {
        try {
            return Long.parseLong(text(file).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String text(Path file) {
        try {
            // Not readString: it reads a /proc/sys file as its first byte only (procfs reports size 0).
            return String.join("\n", Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return "";  // not Linux, or hidden: the limit is unknown
        }
    }
}
