package dev.crossover.benchmarks;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import java.time.Duration;

/**
 * The batch that one benchmark invocation runs, and whether it holds the point's concurrency.
 *
 * <h2>Sizing</h2>
 * A batch is one {@code model.run(workload)}. It must be long enough that the model reaches its
 * steady state, and short enough that even a slow point finishes several invocations per
 * iteration. No formula knows every model's speed, so a probe times it: the first of 1, 2, 4, ...
 * tasks (at most {@link #MAX_TASKS}) whose run lasts at least the target. Each size counts its
 * faster of {@value #RUNS_PER_SIZE} runs, so one cold or disturbed run (JIT, a GC, a busy
 * neighbour) does not stop the search early. The probe's runs also warm the model up; none of
 * them is measured.
 *
 * <h2>Full waves</h2>
 * A batch of fewer than C tasks measures the model at a lower concurrency than the point's label,
 * so the probe's size is then raised:
 * <ul>
 * <li>a probe size of at least C is rounded <em>up</em> to whole waves of C tasks, so the batch
 *     does not end with a part-empty wave (this adds less than one wave, at most about the
 *     probe's own run time);</li>
 * <li>a probe size below C is raised to one wave of C tasks, unless one wave would take this model
 *     longer than the cap ({@link #cap(Duration)}: {@value #CAP_ITERATIONS} measurement
 *     iterations), estimated at the probe's rate: {@code wave = probeWall * C / probeTasks}. Then
 *     the batch keeps the probe's size and {@link #fullWaves()} is {@code false}: the point did
 *     not reach its concurrency, and the per-point summary says so.</li>
 * </ul>
 * The cap bounds a point's cost: an invocation lasts at most about two iterations' time. The
 * estimate is the rate at the probe's largest size; a model that scales better at higher
 * concurrency would be faster, so it errs towards keeping the smaller batch, and only when one
 * small probe run already lasts the target.
 *
 * @param workload  the batch: the point's workload with its task count set
 * @param fullWaves whether the batch is a whole number of waves of C tasks (at least one)
 */
record Batch(Workload workload, boolean fullWaves) {
    /** The most tasks the probe tries. */
    static final int MAX_TASKS = 1 << 16;
    /** Invocations an iteration should hold at least, for the iteration's time to set the target. */
    static final int INVOCATIONS_PER_ITERATION = 6;
    /** Runs per size while probing; the fastest counts. */
    static final int RUNS_PER_SIZE = 2;
    /** Measurement iterations one wave of C tasks may take at most. */
    static final int CAP_ITERATIONS = 2;
    private static final Duration MIN_TARGET = Duration.ofMillis(20);
    private static final Duration MAX_TARGET = Duration.ofMillis(250);

    /** {@return how long the probe's batch should last when an iteration lasts {@code iteration}} */
    static Duration target(Duration iteration) {
        Duration target = iteration.dividedBy(INVOCATIONS_PER_ITERATION);
        return target.compareTo(MIN_TARGET) < 0 ? MIN_TARGET : target.compareTo(MAX_TARGET) > 0 ? MAX_TARGET : target;
    }

    /** {@return the longest one wave of C tasks may take when an iteration lasts {@code iteration}} */
    static Duration cap(Duration iteration) {
        return iteration.multipliedBy(CAP_ITERATIONS);
    }

    /**
     * {@return the batch for {@code model} at {@code workload}'s point}, probed with runs of the model
     * @throws IllegalArgumentException if the model cannot run the workload
     */
    static Batch size(ConcurrencyModel model, Workload workload, Duration target, Duration cap) {
        int tasks = 1;
        long fastest;
        while (true) {
            Workload trial = withTasks(workload, tasks);
            fastest = Long.MAX_VALUE;
            for (int run = 0; run < RUNS_PER_SIZE && fastest >= target.toNanos(); run++) {
                RunResult result = model.run(trial);
                fastest = Math.min(fastest, result.wallNanos());
            }
            if (fastest >= target.toNanos() || tasks >= MAX_TASKS) {
                break;
            }
            tasks *= 2;
        }
        return of(workload, tasks, fastest, cap);
    }

    /** {@return the batch for a probe that ran {@code tasks} tasks in {@code probeNanos}} (the rule above) */
    static Batch of(Workload workload, int tasks, long probeNanos, Duration cap) {
        int c = workload.concurrency();
        if (tasks >= c) {
            long waves = (tasks + (long) c - 1) / c;
            return new Batch(withTasks(workload, Math.toIntExact(waves * c)), true);
        }
        double waveNanos = (double) probeNanos * c / tasks;
        return waveNanos <= cap.toNanos() ? new Batch(withTasks(workload, c), true)
                : new Batch(withTasks(workload, tasks), false);
    }

    static Workload withTasks(Workload w, int tasks) {
        return new Workload(w.kind(), w.seed(), tasks, w.concurrency(), w.ioNanos(), w.cpuUnits(), w.cpuNanos(),
                w.fanout(), w.failRate());
    }
}
