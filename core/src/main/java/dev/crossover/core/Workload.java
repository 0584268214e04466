package dev.crossover.core;

import java.time.Duration;
import java.util.Objects;

/**
 * A seeded, finite set of tasks run with at most {@code concurrency} in flight.
 *
 * <p>Task {@code i} is {@link #task(int)}: a pure function of the workload, so every model runs
 * exactly the same tasks, fails the same ones, and reaches the same {@link #referenceChecksum()}.
 *
 * @param kind        what each task does
 * @param seed        the seed of tokens and injected faults
 * @param tasks       how many tasks one run submits
 * @param concurrency the most tasks in flight at once (admitted and not yet finished)
 * @param ioNanos     each wait's duration
 * @param cpuUnits    kernel units per task
 * @param cpuNanos    the nominal duration of {@code cpuUnits} on this machine (for the ideal bound)
 * @param fanout      waits per task for {@link WorkloadKind#FANOUT} (1 for other waiting kinds)
 * @param failRate    the probability that each wait (or, for tasks that do not wait, the
 *                    computation) fails
 * @param ioDist      how each task's wait varies around {@code ioNanos}
 * @param cpuDist     how each task's CPU work varies around {@code cpuUnits}
 * @param bytes       the bytes each task's real I/O moves ({@code http}: the response body; {@code file}:
 *                    the file), 0 for the other kinds
 * @param accounts    for {@link WorkloadKind#SHARED}, the K accounts its transfers pick two of
 *                    ({@value #MIN_ACCOUNTS} to {@value #MAX_ACCOUNTS}); 0 for the other kinds
 */
public record Workload(WorkloadKind kind, long seed, int tasks, int concurrency, long ioNanos, long cpuUnits,
                       long cpuNanos, int fanout, double failRate, Distribution ioDist, Distribution cpuDist,
                       int bytes, int accounts) {
    /** The fewest accounts of a {@code shared} workload (the most contention)… */
    public static final int MIN_ACCOUNTS = 2;
    /** …the most… */
    public static final int MAX_ACCOUNTS = 100_000;
    /** …and how many when none is given. */
    public static final int DEFAULT_ACCOUNTS = 100;
    private static final long IO_SALT = 0x10D1_57A1_7E5EL;
    private static final long CPU_SALT = 0xC0DE_57A1_7E5EL;

    /** A workload whose waits and work do not vary. */
    public Workload(WorkloadKind kind, long seed, int tasks, int concurrency, long ioNanos, long cpuUnits,
                    long cpuNanos, int fanout, double failRate) {
        this(kind, seed, tasks, concurrency, ioNanos, cpuUnits, cpuNanos, fanout, failRate, Distribution.FIXED,
                Distribution.FIXED);
    }

    /** A workload whose real I/O, if any, moves the kind's default bytes, with the default accounts if it is {@code shared}. */
    public Workload(WorkloadKind kind, long seed, int tasks, int concurrency, long ioNanos, long cpuUnits,
                    long cpuNanos, int fanout, double failRate, Distribution ioDist, Distribution cpuDist) {
        this(kind, seed, tasks, concurrency, ioNanos, cpuUnits, cpuNanos, fanout, failRate, ioDist, cpuDist,
                kind.defaultBytes(), kind == WorkloadKind.SHARED ? DEFAULT_ACCOUNTS : 0);
    }

    public Workload {
        Objects.requireNonNull(kind, "kind");
        Checks.positive("tasks", tasks);
        Checks.positive("concurrency", concurrency);
        Checks.notNegative("io", ioNanos);
        Checks.notNegative("cpuUnits", cpuUnits);
        Checks.notNegative("cpuNanos", cpuNanos);
        Checks.positive("fanout", fanout);
        Checks.probability("fail-rate", failRate);
        Checks.argument(kind.waits() || ioNanos == 0, "io", Checks.duration(ioNanos), "0 for workload " + kind.id());
        Checks.argument(kind.computes() || cpuUnits == 0, "cpu", Checks.duration(cpuNanos),
                "0 for workload " + kind.id());
        Checks.argument(kind == WorkloadKind.FANOUT || fanout == 1, "fanout", fanout,
                "1 unless the workload is fanout");
        Objects.requireNonNull(ioDist, "ioDist");
        Objects.requireNonNull(cpuDist, "cpuDist");
        Checks.argument(kind.waits() || ioDist == Distribution.FIXED || ioDist.kind() == Distribution.Kind.FIXED,
                "io-dist", ioDist, "fixed for workload " + kind.id());
        Checks.argument(cpuDist.kind() == Distribution.Kind.FIXED || cpuUnits > 0, "cpu-dist", cpuDist,
                "fixed unless --cpu > 0");
        Checks.argument(kind == WorkloadKind.SHARED ? accounts >= MIN_ACCOUNTS && accounts <= MAX_ACCOUNTS
                : accounts == 0, "accounts", accounts, kind == WorkloadKind.SHARED
                ? MIN_ACCOUNTS + " to " + MAX_ACCOUNTS : "0 unless the workload is shared");
        Checks.notNegative("bytes", bytes);
        Checks.argument(kind.waitKind() != TaskSpec.Wait.TIMER || bytes == 0, "bytes", bytes,
                "0 for workload " + kind.id());
    }

    /** {@return a builder for a workload of this kind, with the kind's default durations} */
    public static Builder builder(WorkloadKind kind) {
        return new Builder(kind);
    }

    /** {@return how many waits each task makes} */
    public int waitsPerTask() {
        return kind.waits() ? fanout : (kind == WorkloadKind.FILE ? 1 : 0);
    }

    /**
     * {@return task number {@code index}}: any index from 0, so an endless run goes on past
     * {@code tasks}, the count of a fixed-count run
     * @throws IllegalArgumentException if the index is negative
     */
    public TaskSpec task(int index) {
        Checks.argument(index >= 0, "index", index, ">= 0");
        long token = Mix.mix64(seed * Mix.GOLDEN + index);
        int waits = waitsPerTask();
        int failingWait = -1;
        boolean computeFails = false;
        if (failRate > 0) {
            if (waits == 0) {
                computeFails = Mix.unit(Mix.mix64(token ^ 0x5DEECE66DL)) < failRate;
            } else {
                for (int w = 0; w < waits && failingWait < 0; w++) {
                    if (Mix.unit(Mix.mix64(token + 0x5DEECE66DL * (w + 1))) < failRate) {
                        failingWait = w;
                    }
                }
            }
        }
        long io = ioDist.draw(ioNanos, ioNanos, token, IO_SALT);
        long units = cpuDist.draw(cpuUnits, cpuNanos, token, CPU_SALT);
        return new TaskSpec(index, token, waits, io, units, failingWait, computeFails, kind.waitKind(), bytes, accounts);
    }

    /** {@return the checksum every model must report: the tasks computed one after another here} */
    public long referenceChecksum() {
        Checksum checksum = new Checksum();
        for (int i = 0; i < tasks; i++) {
            TaskSpec spec = task(i);
            if (spec.failingWait() < 0 && !spec.computeFails()) {
                checksum.add(i, spec.compute());
            }
        }
        return checksum.value();
    }

    /** {@return how many tasks fail by injection} */
    public int expectedFailures() {
        int failures = 0;
        for (int i = 0; i < tasks; i++) {
            TaskSpec spec = task(i);
            failures += spec.failingWait() >= 0 || spec.computeFails() ? 1 : 0;
        }
        return failures;
    }

    /**
     * {@return the physical limit on tasks per second with {@code cores} cores}:
     * {@code min(C / (w + c), K / c)}, or {@code C / w} without CPU work; infinite for no-op tasks.
     */
    public double idealThroughput(int cores) {
        double w = waitsPerTask() > 0 ? ioDist.mean(ioNanos, ioNanos) / 1e9 : 0;
        double c = cpuDist.mean(cpuNanos, cpuNanos) / 1e9;
        if (w + c == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double byConcurrency = concurrency / (w + c);
        return c == 0 ? byConcurrency : Math.min(byConcurrency, cores / c);
    }

    /** Builds a {@link Workload}; the CPU duration is turned into kernel units by {@link Kernel#calibrate()}. */
    public static final class Builder {
        private final WorkloadKind kind;
        private long seed = 42;
        private int tasks = 1_000;
        private int concurrency = 100;
        private Duration io;
        private Duration cpu;
        private long cpuUnits = -1;
        private Kernel.Calibration calibration;
        private int fanout = 1;
        private double failRate;
        private Distribution ioDist = Distribution.FIXED;
        private Distribution cpuDist = Distribution.FIXED;
        private int accounts;
        private int bytes;

        private Builder(WorkloadKind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
            this.io = kind.defaultIo();
            this.cpu = kind.defaultCpu();
            this.fanout = kind.defaultFanout();
            this.accounts = kind == WorkloadKind.SHARED ? DEFAULT_ACCOUNTS : 0;
            this.bytes = kind.defaultBytes();
        }

        /** Sets the K accounts a {@code shared} workload's transfers pick two of. */
        public Builder accounts(int accounts) {
            this.accounts = accounts;
            return this;
        }

        /** Sets the bytes each task's real I/O moves ({@code http}, {@code file}). */
        public Builder bytes(int bytes) {
            this.bytes = bytes;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder tasks(int tasks) {
            this.tasks = tasks;
            return this;
        }

        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        public Builder io(Duration io) {
            this.io = Objects.requireNonNull(io, "io");
            return this;
        }

        /** Sets the CPU work per task as a duration, turned into units by calibration. */
        public Builder cpu(Duration cpu) {
            this.cpu = Objects.requireNonNull(cpu, "cpu");
            this.cpuUnits = -1;
            this.calibration = null;
            return this;
        }

        /**
         * Sets the CPU work per task as a duration, turned into units by {@code calibration}
         * (measured elsewhere, e.g. once for a whole sweep) instead of this JVM's own.
         */
        public Builder cpu(Duration cpu, Kernel.Calibration calibration) {
            this.cpu = Objects.requireNonNull(cpu, "cpu");
            this.cpuUnits = -1;
            this.calibration = Objects.requireNonNull(calibration, "calibration");
            return this;
        }

        /** Pins the CPU work per task in kernel units (so checksums compare across JVMs). */
        public Builder cpuUnits(long units) {
            this.cpuUnits = Checks.notNegative("cpu-units", units);
            this.calibration = null;
            return this;
        }

        public Builder fanout(int fanout) {
            this.fanout = fanout;
            return this;
        }

        public Builder failRate(double failRate) {
            this.failRate = failRate;
            return this;
        }

        /** Sets how each task's wait varies around {@code io}. */
        public Builder ioDist(Distribution ioDist) {
            this.ioDist = Objects.requireNonNull(ioDist, "ioDist");
            return this;
        }

        /** Sets how each task's CPU work varies around {@code cpu}. */
        public Builder cpuDist(Distribution cpuDist) {
            this.cpuDist = Objects.requireNonNull(cpuDist, "cpuDist");
            return this;
        }

        /** {@return the workload} @throws IllegalArgumentException if a value breaks its rule */
        public Workload build() {
            Checks.notNegative("io", io.toNanos());
            Checks.notNegative("cpu", cpu.toNanos());
            long units = cpuUnits;
            long nanos;
            if (units >= 0) {
                nanos = units == 0 ? 0 : Kernel.calibrate().nanosFor(units);
            } else {
                units = cpu.isZero() ? 0 : (calibration != null ? calibration : Kernel.calibrate()).unitsFor(cpu);
                nanos = cpu.toNanos();
            }
            return new Workload(kind, seed, tasks, concurrency, io.toNanos(), units, nanos, fanout, failRate, ioDist, cpuDist,
                    bytes, accounts);
        }
    }
}
