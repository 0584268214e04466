package dev.crossover.reports.crossover;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the Crossover run wrote about one point beside the JMH result, in
 * {@code points/<benchmark>@<k1>=<v1>,....json}. Runs before method 2 timed batches and say how
 * each batch was sized ({@code batchTasks}, {@code reachedConcurrency}); runs since measure in
 * steady-state windows and carry {@link SteadyState} instead. Both shapes are read; a field a
 * shape lacks reads as "not applicable".
 *
 * @param benchmark          the full benchmark name
 * @param params             every param, sorted by name
 * @param batchTasks         tasks per batch (one JMH operation), -1 when not applicable (method 2)
 * @param concurrency        C, the tasks allowed in flight; 0 when not applicable (an open loop without one)
 * @param reachedConcurrency false when a batch held fewer tasks than C, so C was never reached; true when not applicable
 * @param maxInFlight        the most tasks seen in flight at once
 * @param cpuUnits           kernel units of CPU work per task
 * @param cpuNanosPerTask    the CPU work per task those units stand for, in nanoseconds (configured, not measured)
 * @param startupMillis      time from creating the model to its being ready, in milliseconds
 * @param invocations        JMH invocations run
 * @param cpuNanosPerTaskMeasured CPU time per finished task in the measured iterations, in nanoseconds: the forked
 *                           JVM's whole process (JMH, GC and JIT included) plus its worker processes, so an
 *                           upper bound of the model's cost; -1 when the run did not measure it (older runs)
 * @param cpuSecondsMeasured the CPU time of those iterations in seconds, NaN when not measured
 * @param steady             what method 2 measured ({@link SteadyState#NONE} for older records)
 * @param forks              each fork's own figures (method 3), in the order the forks ran; empty for older records
 * @param server             the delay server's own figures in the measured window, null when the point had no
 *                           delay server or the record is older than them
 */
public record Sidecar(String benchmark, SortedMap<String, String> params, int batchTasks, int concurrency,
                      boolean reachedConcurrency, int maxInFlight, long cpuUnits, long cpuNanosPerTask,
                      double startupMillis, int invocations, long cpuNanosPerTaskMeasured, double cpuSecondsMeasured,
                      SteadyState steady, List<Fork> forks, Server server) {
    public Sidecar {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
        Objects.requireNonNull(steady, "steady");
        forks = List.copyOf(forks);
    }

    /** A record without the delay server's figures. */
    public Sidecar(String benchmark, SortedMap<String, String> params, int batchTasks, int concurrency,
                   boolean reachedConcurrency, int maxInFlight, long cpuUnits, long cpuNanosPerTask,
                   double startupMillis, int invocations, long cpuNanosPerTaskMeasured, double cpuSecondsMeasured,
                   SteadyState steady, List<Fork> forks) {
        this(benchmark, params, batchTasks, concurrency, reachedConcurrency, maxInFlight, cpuUnits, cpuNanosPerTask,
                startupMillis, invocations, cpuNanosPerTaskMeasured, cpuSecondsMeasured, steady, forks, null);
    }

    /**
     * The delay server's own figures over a point's measured window ({@code server} in the record).
     *
     * @param answered          requests it answered
     * @param requestsPerSecond answers per second
     * @param latenessP50Micros the median of each answer's lateness over the delay it asked for, in µs
     * @param latenessP99Micros its 99th percentile (over several forks, the worst fork's)
     * @param latenessMaxMicros its highest
     */
    public record Server(long answered, double requestsPerSecond, double latenessP50Micros, double latenessP99Micros,
                         double latenessMaxMicros) {
    }

    /** A record without per-fork figures. */
    public Sidecar(String benchmark, SortedMap<String, String> params, int batchTasks, int concurrency,
                   boolean reachedConcurrency, int maxInFlight, long cpuUnits, long cpuNanosPerTask,
                   double startupMillis, int invocations, long cpuNanosPerTaskMeasured, double cpuSecondsMeasured,
                   SteadyState steady) {
        this(benchmark, params, batchTasks, concurrency, reachedConcurrency, maxInFlight, cpuUnits, cpuNanosPerTask,
                startupMillis, invocations, cpuNanosPerTaskMeasured, cpuSecondsMeasured, steady, List.of());
    }

    /**
     * One fork's own figures of the point.
     *
     * @param cpuNanosPerTask  measured CPU per finished task (the fork's process tree), -1 when none finished
     * @param latencyP99Micros p99 from each task's intended start
     * @param serviceP99Micros p99 from when the model began each task
     * @param failedTasks      tasks that failed in the measured iterations (0 when not recorded)
     * @param failedP50Micros  the median time to a failed task's outcome, NaN when none failed or not recorded
     */
    public record Fork(long cpuNanosPerTask, double latencyP99Micros, double serviceP99Micros, long failedTasks,
                       double failedP50Micros) {
        /** A fork without failure figures. */
        public Fork(long cpuNanosPerTask, double latencyP99Micros, double serviceP99Micros) {
            this(cpuNanosPerTask, latencyP99Micros, serviceP99Micros, 0, Double.NaN);
        }
    }

    /** {@return each fork's median time to a failed task's outcome in microseconds}, empty when any fork had no failure */
    public List<Double> forkFailedP50() {
        return forks.stream().allMatch(f -> f.failedTasks() > 0 && f.failedP50Micros() > 0)
                ? forks.stream().map(Fork::failedP50Micros).toList() : List.of();
    }

    /** {@return each fork's measured CPU per task in microseconds}, empty when any fork lacks it */
    public List<Double> forkCpuMicros() {
        return forks.stream().allMatch(f -> f.cpuNanosPerTask() > 0)
                ? forks.stream().map(f -> f.cpuNanosPerTask() / 1e3).toList() : List.of();
    }

    /** {@return each fork's p99 latency from intended start in microseconds}, empty when any is not positive */
    public List<Double> forkLatencyP99() {
        return forks.stream().allMatch(f -> f.latencyP99Micros() > 0)
                ? forks.stream().map(Fork::latencyP99Micros).toList() : List.of();
    }

    /** A record of a run before method 2 that measured CPU time. */
    public Sidecar(String benchmark, SortedMap<String, String> params, int batchTasks, int concurrency,
                   boolean reachedConcurrency, int maxInFlight, long cpuUnits, long cpuNanosPerTask,
                   double startupMillis, int invocations, long cpuNanosPerTaskMeasured, double cpuSecondsMeasured) {
        this(benchmark, params, batchTasks, concurrency, reachedConcurrency, maxInFlight, cpuUnits, cpuNanosPerTask,
                startupMillis, invocations, cpuNanosPerTaskMeasured, cpuSecondsMeasured, SteadyState.NONE);
    }

    /** A record from a run that did not measure CPU time (no {@code cpuNanosPerTaskMeasured}). */
    public Sidecar(String benchmark, SortedMap<String, String> params, int batchTasks, int concurrency,
                   boolean reachedConcurrency, int maxInFlight, long cpuUnits, long cpuNanosPerTask,
                   double startupMillis, int invocations) {
        this(benchmark, params, batchTasks, concurrency, reachedConcurrency, maxInFlight, cpuUnits, cpuNanosPerTask,
                startupMillis, invocations, -1, Double.NaN);
    }

    /** {@return whether the run measured CPU time per task at this point} */
    public boolean hasMeasuredCpu() {
        return cpuNanosPerTaskMeasured >= 0;
    }

    /** {@return the measured CPU time per task in microseconds}, NaN when not measured */
    public double cpuMicrosPerTask() {
        return hasMeasuredCpu() ? cpuNanosPerTaskMeasured / 1e3 : Double.NaN;
    }

    /** {@return the benchmark and params this record belongs to} */
    public LatencyLogs.Key key() {
        return new LatencyLogs.Key(benchmark, params);
    }

    /** {@return whether batches were sized at this point (a record before method 2)} */
    public boolean hasBatches() {
        return batchTasks >= 0;
    }

    /**
     * {@return the note a point that never reached C carries, such as "did not reach C: ran 2 tasks
     * per batch"; empty when it did or batches do not apply}
     */
    public String shortfall() {
        return reachedConcurrency || !hasBatches() ? "" : "did not reach C: ran " + batchTasks + " tasks per batch";
    }
}
