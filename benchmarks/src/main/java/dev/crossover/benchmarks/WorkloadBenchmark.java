package dev.crossover.benchmarks;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.Kernel;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * What every workload benchmark shares: the {@code model} and {@code concurrency} params, one
 * model per trial, one batch per invocation, the work check, the task counters, the latency log
 * and the point's summary.
 *
 * <h2>Measurement</h2>
 * Mode is throughput: the score is batches per second, and {@link TaskCounters} adds
 * {@code completed} and {@code failed} tasks per second. The model is built in
 * {@link #setUpTrial} (not measured), then the batch is sized by {@link Batch} (at least one full
 * wave of C tasks unless that would take too long: see there) and its reference checksum
 * computed; each invocation runs the batch once and {@link TrialCheck} verifies it, so a lost task
 * or a wrong result fails the benchmark. Per-task latency of the measurement iterations (warm-up
 * excluded) goes to {@link LatencyLog} when the trial ends, and what the trial really ran (batch,
 * concurrency reached, CPU units, start-up, CPU time per task) to {@link PointSummary}.
 *
 * <h2>CPU time</h2>
 * {@link CpuTime} is sampled when each measured iteration starts and when it ends; the deltas and
 * the tasks those iterations finished are summed into the summary's measured CPU time per task.
 * The window is the same as the latency log's, and it includes the harness's and the fork's own
 * threads (see {@link PointSummary}).
 *
 * <h2>CPU work</h2>
 * Each task computes {@code cpuMicros} worth of kernel units. The {@code run} command calibrates
 * the kernel once and hands its rate to every fork as the system property
 * {@value #UNITS_PER_MICRO_PROPERTY}, so every model computes exactly the same units at a point;
 * without it (a plain {@code java -jar benchmarks.jar CpuBenchmark}) the fork calibrates itself.
 *
 * <h2>Settings</h2>
 * The annotations pin the {@code quick} profile's settings ({@link Profile.Pinned}), so a plain
 * {@code java -jar benchmarks.jar SleepBenchmark} never falls back to JMH's defaults; the
 * {@code run} command overrides them with the chosen {@link Profile}. The forks' version-dependent
 * options ({@link JvmFlags}: JDK 24+ would otherwise warn about JMH's {@code sun.misc.Unsafe}, and
 * JDK 21 refuses the option) cannot be annotation constants: the {@code run} command adds them for
 * the JDK it forks, and {@code Main} for a plain JMH run ({@link JmhPassThrough}).
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
@State(Scope.Benchmark)  // JMH takes @Param fields only from @State classes, inherited ones included
public abstract class WorkloadBenchmark {
    /** The system property holding the kernel's units per microsecond, as the {@code run} command calibrated it. */
    public static final String UNITS_PER_MICRO_PROPERTY = "crossover.unitsPerMicro";

    /**
     * The model's id. Its default is one model, because JMH needs a default in the annotation;
     * the {@code run} command always passes every model from {@link Models#ids()}.
     */
    @Param("threads-virtual")
    public String model;

    /**
     * At most this many tasks in flight. ({@code ioMillis} and {@code cpuMicros} stay in each
     * benchmark class: their defaults differ by workload, and a field's annotation cannot.)
     */
    @Param("100")
    public int concurrency;

    private ConcurrencyModel running;
    private TrialCheck check;
    private Batch batch;
    private Histogram latency;
    private Path latencyFile;
    private Path summaryFile;
    private BenchmarkParams trial;
    private long startupNanos;
    private boolean measuring;
    private int maxInFlight;
    private int invocations;
    private CpuTime.Sample iterationStart;
    private long cpuNanosMeasured;
    private long tasksMeasured;

    /** {@return the workload the params describe, its task count still to be sized} */
    protected abstract Workload.Builder workload();

    /** {@return a builder for {@code kind} with the params every benchmark has, CPU work in kernel units} */
    protected final Workload.Builder builder(WorkloadKind kind, int ioMillis, int cpuMicros) {
        Duration cpu = Duration.ofNanos(cpuMicros * 1_000L);
        return Workload.builder(kind).concurrency(concurrency).io(Duration.ofMillis(ioMillis))
                .cpu(cpu, cpu.isZero() ? new Kernel.Calibration(1) : calibration());
    }

    /**
     * {@return the rate in {@value #UNITS_PER_MICRO_PROPERTY}} when set (the run command measured it
     * once for the whole sweep; this fork does not measure again), else this JVM's own calibration
     * @throws IllegalArgumentException if the property is not a positive number
     */
    static Kernel.Calibration calibration() {
        String rate = System.getProperty(UNITS_PER_MICRO_PROPERTY);
        Kernel.Calibration calibration;
        if (rate == null || rate.isBlank()) {
            calibration = Kernel.calibrate();
        } else {
            double unitsPerMicro;
            try {
                unitsPerMicro = Double.parseDouble(rate);
            } catch (NumberFormatException e) {
                unitsPerMicro = Double.NaN;
            }
            if (!(unitsPerMicro > 0) || Double.isInfinite(unitsPerMicro)) {
                throw new IllegalArgumentException(UNITS_PER_MICRO_PROPERTY + ": " + rate + " (expected: a number > 0)");
            }
            calibration = new Kernel.Calibration(unitsPerMicro);
        }
        return calibration;
    }

    /** Builds the model, sizes the batch and computes its reference; nothing here is measured. */
    @Setup(Level.Trial)
    public void setUpTrial(BenchmarkParams params) {
        Workload workload = workload().build();
        long start = System.nanoTime();
        running = Models.create(model, ModelOptions.defaults());
        startupNanos = System.nanoTime() - start;
        Duration iteration = Duration.ofNanos(params.getMeasurement().getTime().convertTo(TimeUnit.NANOSECONDS));
        batch = Batch.size(running, workload, Batch.target(iteration), Batch.cap(iteration));
        check = TrialCheck.of(batch.workload());
        latency = new Histogram(3);
        latencyFile = LatencyLog.fileFor(params);
        summaryFile = PointSummary.fileFor(params);
        trial = params;
    }

    /** Notes whether this iteration is measured, so warm-up batches stay out of the log and the summary. */
    @Setup(Level.Iteration)
    public void startIteration(IterationParams iteration) {
        measuring = iteration.getType() == IterationType.MEASUREMENT;
        if (measuring && latency.getStartTimeStamp() == Long.MAX_VALUE) {
            latency.setStartTimeStamp(System.currentTimeMillis());
        }
        iterationStart = measuring ? CpuTime.sample() : null;
    }

    /** Adds a measured iteration's CPU time, from its start sample to now. */
    @TearDown(Level.Iteration)
    public void endIteration() {
        if (iterationStart != null) {
            cpuNanosMeasured += CpuTime.delta(iterationStart, CpuTime.sample());
            iterationStart = null;
        }
    }

    /**
     * Runs the batch once, checks it and counts its tasks.
     *
     * @throws IllegalStateException if the run lost a task, failed one unexpectedly or has a wrong checksum
     */
    protected final RunResult runBatch(TaskCounters counters) {
        RunResult result = running.run(check.workload());
        check.verify(result);
        counters.completed += result.completed();
        counters.failed += result.failed();
        if (measuring) {
            latency.add(result.latencyNanos());
            maxInFlight = Math.max(maxInFlight, result.maxInFlight());
            invocations++;
            tasksMeasured += result.completed() + result.failed();
        }
        return result;
    }

    /** Writes the measured latencies and the point's summary, and closes the model. */
    @TearDown(Level.Trial)
    public void tearDownTrial() throws IOException {
        try {
            if (latencyFile != null && latency != null && latency.getTotalCount() > 0) {
                latency.setEndTimeStamp(System.currentTimeMillis());
                LatencyLog.append(latencyFile, latency);
            }
            if (summaryFile != null && invocations > 0) {
                summary().writeMerged(summaryFile);
            }
        } finally {
            if (running != null) {
                running.close();
            }
        }
    }

    private PointSummary summary() {
        Workload w = batch.workload();
        return new PointSummary(trial.getBenchmark(), LatencyLog.paramsOf(trial), w.tasks(), w.concurrency(),
                PointSummary.reached(w.concurrency(), w.tasks(), maxInFlight), maxInFlight, w.cpuUnits(), w.cpuNanos(),
                startupNanos / 1e6, invocations, cpuNanosMeasured, tasksMeasured);
    }
}
