package dev.crossover.reports.crossover;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the Crossover run wrote about one point beside the JMH result, in
 * {@code points/<benchmark>@<k1>=<v1>,....json}: how each batch was sized and run.
 *
 * @param benchmark          the full benchmark name
 * @param params             every param, sorted by name
 * @param batchTasks         tasks per batch (one JMH operation)
 * @param concurrency        C, the tasks allowed in flight
 * @param reachedConcurrency false when a batch held fewer tasks than C, so C was never reached
 * @param maxInFlight        the most tasks seen in flight at once
 * @param cpuUnits           kernel units of CPU work per task
 * @param cpuNanosPerTask    the CPU work per task those units stand for, in nanoseconds (configured, not measured)
 * @param startupMillis      time from creating the model to its being ready, in milliseconds
 * @param invocations        batches run
 */
public record Sidecar(String benchmark, SortedMap<String, String> params, int batchTasks, int concurrency,
                      boolean reachedConcurrency, int maxInFlight, long cpuUnits, long cpuNanosPerTask,
                      double startupMillis, int invocations) {
    public Sidecar {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    /** {@return the benchmark and params this record belongs to} */
    public LatencyLogs.Key key() {
        return new LatencyLogs.Key(benchmark, params);
    }

    /** {@return the note a point that never reached C carries, such as "did not reach C: ran 2 tasks per batch"} */
    public String shortfall() {
        return reachedConcurrency ? "" : "did not reach C: ran " + batchTasks + " tasks per batch";
    }
}
