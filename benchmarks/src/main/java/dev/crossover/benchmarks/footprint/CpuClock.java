package dev.crossover.benchmarks.footprint;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * The CPU time of this JVM and its descendant processes: the JVM's own from
 * {@code OperatingSystemMXBean#getProcessCpuTime} (nanoseconds), each descendant's from
 * {@link ProcessHandle.Info#totalCpuDuration()} (clock ticks of 10 ms on Linux).
 */
final class CpuClock {
    private CpuClock() {
    }

    /** {@return CPU nanoseconds of this JVM and its live descendants so far} */
    static long treeNanos() {
        long total = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            total += Math.max(0, os.getProcessCpuTime());
        }
        total += ProcessHandle.current().descendants()
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
        return total;
    }
}
