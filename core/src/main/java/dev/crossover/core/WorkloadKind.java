package dev.crossover.core;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The workloads, by the ids the command line, JMH params and reports use. */
public enum WorkloadKind {
    /** Each task waits on a timer: pure waiting. */
    SLEEP("sleep", "waits --io on a timer", Duration.ofMillis(50), Duration.ZERO, true, false),
    /** Each task runs the kernel: parallelism, and the GIL claim. */
    CPU("cpu", "computes --cpu worth of the kernel", Duration.ZERO, Duration.ofNanos(200_000), false, true),
    /** Each task waits, then computes: where CPU share starts to hurt a loop. */
    MIXED("mixed", "waits --io, then computes --cpu", Duration.ofMillis(50), Duration.ofNanos(200_000), true, true),
    /** Each task gathers k concurrent waits in a group that fails fast, then computes. */
    FANOUT("fanout", "gathers --fanout k waits of --io as a group that fails fast, then computes --cpu",
            Duration.ofMillis(10), Duration.ZERO, true, true),
    /** Each task computes a little, then moves an amount between two of K shared accounts. */
    SHARED("shared", "computes --cpu, then moves an amount between two of --accounts K shared accounts",
            Duration.ZERO, Duration.ofNanos(10_000), false, true),
    /** Each task does nothing: its throughput is a model's dispatch ceiling. */
    NULL("null", "nothing: no wait, no work (a model's dispatch ceiling)", Duration.ZERO, Duration.ZERO, false, false),
    /** Each task's wait is a request to the loopback delay server, answered after --io with --bytes bytes. */
    HTTP("http", "asks the loopback delay server for --bytes bytes answered after --io, then computes --cpu",
            Duration.ofMillis(50), Duration.ZERO, true, true),
    /** Each task writes --bytes to a file of its own, fsyncs it and reads it back. */
    FILE("file", "writes --bytes to its own file, fsyncs, reads them back, then computes --cpu",
            Duration.ZERO, Duration.ZERO, false, true);

    private final String id;
    private final String description;
    private final Duration defaultIo;
    private final Duration defaultCpu;
    private final boolean waits;
    private final boolean computes;

    WorkloadKind(String id, String description, Duration defaultIo, Duration defaultCpu, boolean waits,
                 boolean computes) {
        this.id = id;
        this.description = description;
        this.defaultIo = defaultIo;
        this.defaultCpu = defaultCpu;
        this.waits = waits;
        this.computes = computes;
    }

    /** {@return the id used on the command line and in results} */
    public String id() {
        return id;
    }

    /** {@return one line on what each task does} */
    public String description() {
        return description;
    }

    /** {@return the I/O wait per task when none is given} */
    public Duration defaultIo() {
        return defaultIo;
    }

    /** {@return the CPU work per task when none is given} */
    public Duration defaultCpu() {
        return defaultCpu;
    }

    /** {@return the waits per task when none is given: 8 for fan-out, 1 for the other waiting kinds} */
    public int defaultFanout() {
        return this == FANOUT ? 8 : 1;
    }

    /** {@return how its tasks wait: a timer, a request, a file} */
    public TaskSpec.Wait waitKind() {
        return switch (this) {
            case HTTP -> TaskSpec.Wait.HTTP;
            case FILE -> TaskSpec.Wait.FILE;
            default -> TaskSpec.Wait.TIMER;
        };
    }

    /** {@return the bytes each task's real I/O moves when none are given: 64 for http, 64 KiB for file, else 0} */
    public int defaultBytes() {
        return switch (this) {
            case HTTP -> 64;
            case FILE -> 64 * 1024;
            default -> 0;
        };
    }

    /** {@return whether its tasks wait} (if not, {@code --io} must be zero) */
    public boolean waits() {
        return waits;
    }

    /** {@return whether its tasks compute} (if not, {@code --cpu} must be zero) */
    public boolean computes() {
        return computes;
    }

    /**
     * {@return the workload kind with this id}
     * @throws IllegalArgumentException if there is none
     */
    public static WorkloadKind byId(String id) {
        for (WorkloadKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("workload: " + id + " (expected: one of "
                + Arrays.stream(values()).map(WorkloadKind::id).collect(Collectors.joining(", ")) + ")");
    }
}
