package dev.crossover.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The CPU time this JVM and its descendant processes consumed, sampled at the start and the end of
 * each measured iteration so a trial can report CPU time per task.
 *
 * <h2>What is counted</h2>
 * The process's CPU time ({@code com.sun.management.OperatingSystemMXBean#getProcessCpuTime}: every
 * thread of the forked JVM, so JMH's harness, the GC and the JIT too) plus, for each descendant
 * process (the worker JVMs of the processes models), {@link ProcessHandle.Info#totalCpuDuration()}.
 * A descendant seen at both samples counts its difference; one that appeared during the window
 * counts all of its CPU time (all of it was spent in the window). One that died during the window
 * is no longer measurable and its share is lost, and a descendant whose CPU time the OS does not
 * report is skipped: the figure is then an under-count for that process, which the models here do
 * not cause (their workers live as long as the model).
 *
 * <h2>Resolution</h2>
 * On Linux both figures come in clock ticks (10 ms), so one sample pair may be off by a tick; over
 * many iterations the errors average out, but a short run (the {@code smoke} profile) gives coarse
 * per-task figures.
 *
 * <h2>Threading</h2>
 * {@link #sample()} may be called from any thread; the rest are pure functions.
 */
final class CpuTime {
    private CpuTime() {
    }

    /**
     * CPU time at one instant.
     *
     * @param processNanos this JVM's CPU time, or -1 when the platform does not report it
     * @param descendants  each measurable descendant's total CPU time in nanoseconds, keyed by
     *                     {@code pid@startInstant} so a reused pid is not taken for the same process
     */
    record Sample(long processNanos, Map<String, Long> descendants) {
        Sample {
            descendants = Map.copyOf(Objects.requireNonNull(descendants, "descendants"));
        }
    }

    /** {@return the CPU time of this JVM and of its descendants now} */
    static Sample sample() {
        long process = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            process = os.getProcessCpuTime();
        }
        Map<String, Long> descendants = new HashMap<>();
        ProcessHandle.current().descendants().forEach(p -> {
            ProcessHandle.Info info = p.info();
            Optional<Duration> cpu = info.totalCpuDuration();
            cpu.ifPresent(d -> descendants.put(p.pid() + "@" + info.startInstant().map(Object::toString).orElse("?"),
                    d.toNanos()));
        });
        return new Sample(process, descendants);
    }

    /**
     * {@return the CPU nanoseconds spent between {@code start} and {@code end}}: the process's
     * difference (none when either sample lacks it) plus each descendant's, a descendant absent at
     * {@code start} counting whole and one absent at {@code end} not at all; never negative.
     */
    static long delta(Sample start, Sample end) {
        long total = 0;
        if (start.processNanos() >= 0 && end.processNanos() >= 0) {
            total += Math.max(0, end.processNanos() - start.processNanos());
        }
        for (Map.Entry<String, Long> e : end.descendants().entrySet()) {
            long before = start.descendants().getOrDefault(e.getKey(), 0L);
            total += Math.max(0, e.getValue() - before);
        }
        return total;
    }

    /** {@return {@code cpuNanos} per task, rounded}, or -1 when no task finished (not measured) */
    static long perTask(long cpuNanos, long tasks) {
        if (cpuNanos < 0) {
            throw new IllegalArgumentException("cpuNanos: " + cpuNanos + " (expected: >= 0)");
        }
        if (tasks < 0) {
            throw new IllegalArgumentException("tasks: " + tasks + " (expected: >= 0)");
        }
        return tasks == 0 ? -1 : Math.round((double) cpuNanos / tasks);
    }
}
