package dev.crossover.benchmarks.footprint;

import java.util.Map;
import java.util.Objects;

/** What became of one model at one task count: measured, or stopped with its cause. */
public sealed interface Outcome permits Outcome.Measured, Outcome.Stopped {

    /** {@return the task count asked for} */
    int tasks();

    /**
     * N tasks held by the model, measured while they waited.
     *
     * @param tasks              N, every one submitted
     * @param waiting            the tasks waiting at once: those that began, at most the model's parallelism
     * @param queued             the rest, held by the model but not yet begun ({@code tasks - waiting})
     * @param before             the process tree with the model made and no task submitted
     * @param after              the process tree with the N tasks held, before the full GC
     * @param liveHeapBeforeBytes the probe's heap after a full GC before any task
     * @param heapUsedBytes      its heap with the N tasks held, before the full GC (garbage included)
     * @param liveHeapAfterBytes its heap after a full GC with the N tasks held
     * @param heapCommittedBytes its committed heap after that GC
     * @param jvmThreads         the probe JVM's live platform threads while the tasks waited
     * @param spawnNanos         from the first submission until the last task began (or the last was submitted)
     * @param cpuNanos           CPU time of the process tree over the spawn (and the quiet time that confirms it)
     * @param nativeMemory       the probe JVM's committed native memory by NMT category, {@code Total} first; empty without NMT
     * @param leftBehind         processes of the tree still running after the probe ended, killed then (0 expected)
     * @param wallSeconds        the whole probe's time, JVM start to exit
     */
    record Measured(int tasks, long waiting, long queued, ProcessTree before, ProcessTree after, long liveHeapBeforeBytes,
                    long heapUsedBytes, long liveHeapAfterBytes, long heapCommittedBytes, long jvmThreads,
                    long spawnNanos, long cpuNanos, Map<String, Long> nativeMemory, int leftBehind,
                    double wallSeconds) implements Outcome {
        public Measured {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            nativeMemory = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nativeMemory));
        }

        /** {@return the tree's Pss grown by the tasks: while they wait minus before them} */
        public long pssGrowthBytes() {
            return after.pssBytes() - before.pssBytes();
        }

        /** {@return the live heap grown by the tasks} */
        public long liveHeapGrowthBytes() {
            return liveHeapAfterBytes - liveHeapBeforeBytes;
        }
    }

    /**
     * A task count not measured.
     *
     * @param tasks       N
     * @param status      {@code refused} (the platform's limits say it cannot be reached; not tried),
     *                    {@code skipped} (a smaller N already failed), or {@code failed} (tried, with the cause)
     * @param reason      why, in one line, e.g. {@code "limit: 32,768 threads (pid_max): ..."}
     * @param leftBehind  processes of the tree still running after the probe ended, killed then
     * @param wallSeconds the time it took; 0 when not tried
     */
    record Stopped(int tasks, String status, String reason, int leftBehind, double wallSeconds) implements Outcome {
        public Stopped {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
