package dev.crossover.benchmarks.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What other processes took of the CPU while a run (or one point of it) measured: the machine's
 * CPU time minus the CPU time of the run's own process tree, in cores on average over a window.
 * It tells whether something else competed with the measurement, which a load average cannot: that
 * lags by minutes and counts the run itself.
 *
 * <h2>What is counted</h2>
 * <ul>
 * <li>The machine: the first line of {@code /proc/stat}, in clock ticks summed over the CPUs. Busy
 *     is {@code user + nice + system + irq + softirq + steal}; the window's length is those plus
 *     {@code idle + iowait}. {@code guest} and {@code guest_nice} are left out: the kernel already
 *     counts them in {@code user} and {@code nice}. Steal (time a hypervisor gave to other guests)
 *     is busy time no process here took, and is also reported on its own.</li>
 * <li>The run's own tree: for the root process (the JVM running the command) and every live
 *     descendant (JMH's forks, the models' worker JVMs, servers), {@code utime + stime + cutime +
 *     cstime} of {@code /proc/PID/stat}. A process's own fields cover all of its threads, the exited
 *     ones too; {@code cutime + cstime} cover its children that have exited and been waited for, so
 *     a fork that ended inside the window still counts, through its parent.</li>
 * </ul>
 * Other processes took {@code busy - own} (never below 0); dividing by the window's ticks per CPU
 * gives cores on average, so the clock-tick rate cancels out.
 *
 * <h2>Limits</h2>
 * Both figures move in clock ticks (10 ms): a window of 2 s on 2 cores has 400 ticks, and a quarter
 * of a core is 50 of them, so a sample pair is off by a few ticks at most. Interrupt time
 * ({@code irq}, {@code softirq}) belongs to no process, so the run's own interrupts (loopback
 * traffic, timers) count as other; a descendant orphaned by its parent's exit leaves the tree and
 * counts as other too. Off Linux there is no {@code /proc} and nothing is measured.
 *
 * <h2>Threading</h2>
 * {@link #sample} may be called from any thread; the rest are pure functions.
 */
final class OtherLoad {
    /** Other processes' share, in cores, above which the machine was busy: a quarter of one core. */
    static final double DEFAULT_THRESHOLD = 0.25;

    private OtherLoad() {
    }

    /**
     * The machine's CPU time since boot, from the aggregate line of {@code /proc/stat}.
     *
     * @param busy  {@code user + nice + system + irq + softirq + steal} ticks
     * @param steal {@code steal} ticks
     * @param total {@code busy + idle + iowait} ticks: the window's length times the CPUs
     * @param cpus  how many {@code cpuN} lines the aggregate sums
     */
    record MachineTicks(long busy, long steal, long total, int cpus) {
        /**
         * {@return the ticks in {@code procStat}, the text of {@code /proc/stat}}
         * @throws IllegalArgumentException if it has no aggregate {@code cpu} line of at least eight numbers
         */
        static MachineTicks parse(String procStat) {
            long[] f = null;
            int cpus = 0;
            for (String line : procStat.split("\n")) {
                String[] parts = line.trim().split("\\s+");
                if (parts[0].equals("cpu")) {
                    if (parts.length < 9) {
                        throw new IllegalArgumentException("/proc/stat: " + line + " (expected: cpu and at least 8 numbers)");
                    }
                    f = new long[8];
                    for (int i = 0; i < 8; i++) {
                        f[i] = Long.parseLong(parts[i + 1]);
                    }
                } else if (parts[0].matches("cpu\\d+")) {
                    cpus++;
                }
            }
            if (f == null) {
                throw new IllegalArgumentException("/proc/stat: no aggregate cpu line (expected: a line starting with cpu)");
            }
            // user nice system idle iowait irq softirq steal
            long busy = f[0] + f[1] + f[2] + f[5] + f[6] + f[7];
            return new MachineTicks(busy, f[7], busy + f[3] + f[4], Math.max(1, cpus));
        }
    }

    /**
     * {@return a process's {@code utime + stime + cutime + cstime}} in clock ticks, from the text of
     * its {@code /proc/PID/stat} (whose second field, the command in parentheses, may hold spaces)
     * @throws IllegalArgumentException if the text is not one
     */
    static long processTicks(String pidStat) {
        int close = pidStat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("/proc/PID/stat: " + pidStat.strip() + " (expected: pid (comm) fields)");
        }
        String[] f = pidStat.substring(close + 1).trim().split("\\s+");
        // after the command: state(3) ppid ... utime(14) stime(15) cutime(16) cstime(17), so indexes 11 to 14
        if (f.length < 15) {
            throw new IllegalArgumentException("/proc/PID/stat: " + pidStat.strip() + " (expected: at least 17 fields)");
        }
        return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    /**
     * The machine's and the tree's CPU ticks at one instant.
     *
     * @param machine   the machine's ticks
     * @param ownTicks  the ticks of the root process and its live descendants
     * @param nanoTime  {@link System#nanoTime()} when taken
     */
    record Sample(MachineTicks machine, long ownTicks, long nanoTime) {
        Sample {
            Objects.requireNonNull(machine, "machine");
        }
    }

    /**
     * {@return the machine's and {@code root}'s tree's ticks now}, or empty where {@code /proc} does
     * not tell them (not Linux)
     */
    static Optional<Sample> sample(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        try {
            long own = 0;
            for (ProcessHandle p : tree) {
                try {
                    own += processTicks(Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat")));
                } catch (IOException gone) {
                    if (p.equals(root)) {
                        throw gone;
                    }
                    // a descendant that exited and was reaped since the listing: its parent's cutime has it
                }
            }
            MachineTicks machine = MachineTicks.parse(Files.readString(Path.of("/proc/stat")));
            return Optional.of(new Sample(machine, own, System.nanoTime()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();  // no /proc here
        }
    }

    /**
     * What the CPUs did over a window, in cores on average (1.0: one core all the time).
     *
     * @param seconds    the window's wall time
     * @param otherCores what processes outside the tree took, steal included
     * @param stealCores what the hypervisor gave to other guests
     * @param ownCores   what the tree took
     */
    record Figures(double seconds, double otherCores, double stealCores, double ownCores) {
        /** {@return whether other processes took more than {@code thresholdCores}} */
        boolean busy(double thresholdCores) {
            return otherCores > thresholdCores;
        }

        /** {@return the figures in words, e.g. {@code other processes took 1.02 cores on average over 2.0 s (steal 0.00; this run 1.60)}} */
        String words() {
            return String.format(Locale.ROOT, "other processes took %.2f cores on average over %.1f s (steal %.2f; "
                    + "this run %.2f)", otherCores, seconds, stealCores, ownCores);
        }
    }

    /**
     * {@return the figures between two samples}, or empty when no tick passed between them
     */
    static Optional<Figures> between(Sample start, Sample end) {
        long window = end.machine().total() - start.machine().total();
        if (window <= 0) {
            return Optional.empty();
        }
        double ticksPerCore = (double) window / end.machine().cpus();
        long busy = end.machine().busy() - start.machine().busy();
        long own = Math.max(0, end.ownTicks() - start.ownTicks());
        long steal = Math.max(0, end.machine().steal() - start.machine().steal());
        return Optional.of(new Figures((end.nanoTime() - start.nanoTime()) / 1e9, Math.max(0, busy - own) / ticksPerCore,
                steal / ticksPerCore, own / ticksPerCore));
    }

    /** {@return the figures between {@code start} and {@code end}, when both were taken} */
    static Optional<Figures> between(Optional<Sample> start, Optional<Sample> end) {
        return start.isPresent() && end.isPresent() ? between(start.get(), end.get()) : Optional.empty();
    }

    /**
     * {@return the check of a busy-threshold option}: {@code cores} itself
     * @throws IllegalArgumentException if it is negative or not a number
     */
    static double threshold(double cores) {
        if (!(cores >= 0) || Double.isInfinite(cores)) {
            throw new IllegalArgumentException("busy-threshold: " + cores + " (expected: a number of cores >= 0)");
        }
        return cores;
    }
}
