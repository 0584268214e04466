package dev.crossover.benchmarks;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.Models;
import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * What every workload benchmark shares: one model per trial, one batch per invocation, the
 * work check, the task counters and the latency log.
 *
 * <h2>Measurement</h2>
 * Mode is throughput: the score is batches per second, and {@link TaskCounters} adds
 * {@code completed} and {@code failed} tasks per second. The model is built in
 * {@link #setUpTrial} (not measured), then the batch is sized by {@link Batch} and its reference
 * checksum computed; each invocation runs the batch once and {@link TrialCheck} verifies it, so a
 * lost task or a wrong result fails the benchmark. Per-task latency of the measurement iterations
 * (warm-up excluded) goes to {@link LatencyLog} when the trial ends.
 *
 * <h2>Settings</h2>
 * The annotations pin the {@code quick} profile's settings ({@link Profile.Pinned}), so a plain
 * {@code java -jar benchmarks.jar SleepBenchmark} never falls back to JMH's defaults; the
 * {@code run} command overrides them with the chosen {@link Profile}.
 *
 * <h2>Threading</h2>
 * One benchmark thread; the model brings its own concurrency.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = Profile.Pinned.FORKS, jvmArgs = {Profile.Pinned.XMS, Profile.Pinned.XMX})
@Warmup(iterations = Profile.Pinned.WARMUP_ITERATIONS, time = Profile.Pinned.WARMUP_MILLIS,
        timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = Profile.Pinned.MEASUREMENT_ITERATIONS, time = Profile.Pinned.MEASUREMENT_MILLIS,
        timeUnit = TimeUnit.MILLISECONDS)
@Timeout(time = Profile.Pinned.TIMEOUT_SECONDS, timeUnit = TimeUnit.SECONDS)
public abstract class WorkloadBenchmark {
    private ConcurrencyModel model;
    private TrialCheck check;
    private Histogram latency;
    private Path latencyFile;
    private boolean measuring;

    /** {@return the {@code model} param} */
    protected abstract String modelId();

    /** {@return the workload the params describe, its task count still to be sized} */
    protected abstract Workload.Builder workload();

    /** {@return a builder for {@code kind} with the params every benchmark has} */
    protected static Workload.Builder builder(WorkloadKind kind, int concurrency, int ioMillis, int cpuMicros) {
        return Workload.builder(kind).concurrency(concurrency).io(Duration.ofMillis(ioMillis))
                .cpu(Duration.ofNanos(cpuMicros * 1_000L));
    }

    /** Builds the model, sizes the batch and computes its reference; nothing here is measured. */
    @Setup(Level.Trial)
    public void setUpTrial(BenchmarkParams params) {
        Workload workload = workload().build();
        model = Models.create(modelId(), ModelOptions.defaults());
        Duration iteration = Duration.ofNanos(params.getMeasurement().getTime().convertTo(TimeUnit.NANOSECONDS));
        check = TrialCheck.of(Batch.size(model, workload, Batch.target(iteration)));
        latency = new Histogram(3);
        latencyFile = LatencyLog.fileFor(params);
    }

    /** Notes whether this iteration is measured, so warm-up latencies stay out of the log. */
    @Setup(Level.Iteration)
    public void startIteration(IterationParams iteration) {
        measuring = iteration.getType() == IterationType.MEASUREMENT;
        if (measuring && latency.getStartTimeStamp() == Long.MAX_VALUE) {
            latency.setStartTimeStamp(System.currentTimeMillis());
        }
    }

    /**
     * Runs the batch once, checks it and counts its tasks.
     *
     * @throws IllegalStateException if the run lost a task, failed one unexpectedly or has a wrong checksum
     */
    protected final RunResult runBatch(TaskCounters counters) {
        RunResult result = model.run(check.workload());
        check.verify(result);
        counters.completed += result.completed();
        counters.failed += result.failed();
        if (measuring) {
            latency.add(result.latencyNanos());
        }
        return result;
    }

    /** Writes the measured latencies and closes the model. */
    @TearDown(Level.Trial)
    public void tearDownTrial() throws IOException {
        try {
            if (latencyFile != null && latency != null && latency.getTotalCount() > 0) {
                latency.setEndTimeStamp(System.currentTimeMillis());
                LatencyLog.append(latencyFile, latency);
            }
        } finally {
            if (model != null) {
                model.close();
            }
        }
    }
}
