package dev.crossover.benchmarks;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import java.time.Duration;

/**
 * Sizes the batch that one benchmark invocation runs.
 *
 * <p>A batch is one {@code model.run(workload)}. It must be long enough that the model reaches its
 * steady state, and short enough that even a slow point (C = 1, long waits, or a model that runs
 * few tasks at once) finishes several invocations per iteration. No formula knows every model's
 * speed, so the size is measured: the first of 1, 2, 4, ... tasks (at most {@link #MAX_TASKS})
 * whose run lasts at least the target. When that is at least C, it is rounded down to a whole
 * number of waves of C tasks, so a wait-bound batch does not end with a part-empty wave. Each size
 * counts its faster of {@value #RUNS_PER_SIZE} runs, so one cold or disturbed run (JIT, a GC, a
 * busy neighbour) does not stop the search early. The runs made while sizing also warm the model
 * up; none of them is measured.
 */
final class Batch {
    /** The most tasks in one batch. */
    static final int MAX_TASKS = 1 << 16;
    /** Invocations an iteration should hold at least, for the iteration's time to set the target. */
    static final int INVOCATIONS_PER_ITERATION = 6;
    /** Runs per size while sizing; the fastest counts. */
    static final int RUNS_PER_SIZE = 2;
    private static final Duration MIN_TARGET = Duration.ofMillis(20);
    private static final Duration MAX_TARGET = Duration.ofMillis(250);

    private Batch() {
    }

    /** {@return how long one batch should last when an iteration lasts {@code iteration}} */
    static Duration target(Duration iteration) {
        Duration target = iteration.dividedBy(INVOCATIONS_PER_ITERATION);
        return target.compareTo(MIN_TARGET) < 0 ? MIN_TARGET : target.compareTo(MAX_TARGET) > 0 ? MAX_TARGET : target;
    }

    /**
     * {@return {@code workload} with its task count set by timing runs of {@code model}}
     * @throws IllegalArgumentException if the model cannot run the workload
     */
    static Workload size(ConcurrencyModel model, Workload workload, Duration target) {
        int tasks = 1;
        while (true) {
            Workload trial = withTasks(workload, tasks);
            long fastest = Long.MAX_VALUE;
            for (int run = 0; run < RUNS_PER_SIZE && fastest >= target.toNanos(); run++) {
                RunResult result = model.run(trial);
                fastest = Math.min(fastest, result.wallNanos());
            }
            if (fastest >= target.toNanos() || tasks >= MAX_TASKS) {
                break;
            }
            tasks *= 2;
        }
        int c = workload.concurrency();
        return withTasks(workload, tasks >= c ? tasks / c * c : tasks);
    }

    static Workload withTasks(Workload w, int tasks) {
        return new Workload(w.kind(), w.seed(), tasks, w.concurrency(), w.ioNanos(), w.cpuUnits(), w.cpuNanos(),
                w.fanout(), w.failRate());
    }
}
