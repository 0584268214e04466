package dev.crossover.benchmarks;

import dev.crossover.core.ClosedLoop;
import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.Driver;
import dev.crossover.core.LoadLoop;
import dev.crossover.core.Kernel;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.Models;
import dev.crossover.core.OpenLoop;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import dev.crossover.server.ServerStats;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
 * model and one running load per trial, the work check, the task counters, the latency log and the
 * point's summary.
 *
 * <h2>Measurement: steady state</h2>
 * The trial starts the model (not measured) and then the driver's load ({@link Driver#closedLoop}:
 * C tasks in flight continuously, each next task submitted from the last one's outcome on the
 * model's own thread; or, for {@link OpenLoopBenchmark}, arrivals at a rate). The load runs through
 * every iteration, warm-up included, so nothing ramps up or drains inside a measurement. Each
 * invocation of the benchmark method only sleeps {@value #SLICE_MILLIS} ms and then adds the tasks
 * that finished meanwhile to {@link TaskCounters}: the benchmark thread costs no core and no
 * handoff per task. So the <em>primary score counts slices</em> (about
 * {@code 1000 / SLICE_MILLIS} per second, meaningless), and the results are the secondary metrics
 * {@code completed} and {@code failed}: tasks per second in steady state.
 *
 * <h2>The work check</h2>
 * When the trial ends the load stops and drains, and the driver checks that every submitted task
 * had exactly one outcome and that the results are the reference's for exactly the indices that
 * ran (in full where cheap, else on a seeded sample; the summary says which). A lost or doubled
 * task, a wrong result, or a failure that no injection explains fails the benchmark.
 *
 * <h2>What is recorded</h2>
 * Per measured iteration (warm-up excluded): latency from each task's intended start (the latency
 * log, {@link LatencyLog}), service time from when the model began it, timer lateness, the
 * driver's lag (open loop), CPU time ({@link CpuTime}); the trial's totals go to {@link PointSummary}.
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
 * One benchmark thread, asleep most of the time; the model brings its own concurrency.
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

    /** How long each invocation sleeps before it counts the tasks that finished meanwhile. */
    public static final int SLICE_MILLIS = 10;
    /** How long the end of a trial waits for the last tasks in flight. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(120);

    private ConcurrencyModel running;
    private LoadLoop load;
    private Workload workload;
    private PointSummary.Histograms measured;
    private Path latencyFile;
    private Path summaryFile;
    private BenchmarkParams trial;
    private long startupNanos;
    private boolean measuring;
    private int invocations;
    private CpuTime.Sample iterationStart;
    private long iterationStartNanos;
    private long cpuNanosMeasured;
    private long tasksMeasured;
    private long measuredNanos;
    private long rejectedMeasured;
    private long lastCompleted;
    private long lastFailed;
    private long lastRejected;
    private long iterationRejected;
    private long latencyStartMillis = Long.MAX_VALUE;

    /** {@return the workload the params describe} */
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

    /**
     * {@return the running load for this trial}: a closed loop of {@code concurrency}; the open-loop
     * benchmark overrides it
     */
    protected LoadLoop startLoad(ConcurrencyModel model, Workload workload) {
        return Driver.closedLoop(model, workload);
    }

    /** {@return the options the model is created with}: the defaults, unless a benchmark's params say otherwise */
    protected ModelOptions options() {
        return ModelOptions.defaults();
    }

    /** Called once the trial's load has drained and checked out, before the model closes; nothing by default. */
    protected void drained(ConcurrencyModel model, ClosedLoop.Drained drained) {
    }

    /** {@return the arrivals' rate, for an open loop}; NaN for a closed one */
    protected double offeredRate() {
        return Double.NaN;
    }

    /** Builds the model and starts the load; nothing here is measured (the warm-up iterations are its ramp). */
    @Setup(Level.Trial)
    public void setUpTrial(BenchmarkParams params) {
        workload = workload().build();
        ModelOptions options = beforeTrial(workload);
        long start = System.nanoTime();
        running = Models.create(model, options().withIo(options.io()));  // the benchmark's own options, the trial's I/O
        startupNanos = System.nanoTime() - start;
        measured = PointSummary.Histograms.empty();
        latencyFile = LatencyLog.fileFor(params);
        summaryFile = PointSummary.fileFor(params);
        trial = params;
        CpuTime.sample();  // loads the management classes now, not in the first measured iteration's set-up
        load = startLoad(running, workload);
        if (load instanceof ClosedLoop closed) {
            // a spread start takes one task time, and real I/O opens its connections with its first tasks:
            // the warm-up begins once every chain started and about one task per chain has finished
            closed.awaitSteady(DRAIN_TIMEOUT);
        }
    }

    /**
     * Starts counting afresh; notes whether this iteration is measured, so warm-up stays out of the log and the summary.
     *
     * <p>JMH does not time a set-up, so the counts start last, after everything slow here (the first
     * measured iteration's hook, the CPU sample that walks the process tree): what finishes while
     * those run is nobody's. Counting from before them read sleep 50 ms at C = 1,000 at 21,300–23,100
     * tasks/s in the first measured 300 ms iteration, above the 20,000 that 1,000 chains of 50 ms
     * waits allow, and 19,600 in the iterations after it.
     */
    @Setup(Level.Iteration)
    public void startIteration(IterationParams iteration) {
        measuring = iteration.getType() == IterationType.MEASUREMENT;
        if (measuring && latencyStartMillis == Long.MAX_VALUE) {
            measurementBegins();
        }
        if (load instanceof OpenLoop open) {
            open.measure(measuring);
        }
        iterationStart = measuring ? CpuTime.sample() : null;
        if (measuring && latencyStartMillis == Long.MAX_VALUE) {
            latencyStartMillis = System.currentTimeMillis();
        }
        load.takeHistograms();  // what finished before this iteration is not its own
        lastCompleted = load.completedSoFar();
        lastFailed = load.failedSoFar();
        iterationRejected = load.rejectedSoFar();
        lastRejected = iterationRejected;
        iterationStartNanos = System.nanoTime();
    }

    /** Adds a measured iteration's histograms, CPU time and tasks. */
    @TearDown(Level.Iteration)
    public void endIteration() {
        dev.crossover.core.Histograms h = load.takeHistograms();
        if (iterationStart != null) {
            measured.add(h);
            cpuNanosMeasured += CpuTime.delta(iterationStart, CpuTime.sample());
            measuredNanos += System.nanoTime() - iterationStartNanos;
            // the tasks whose latencies were just taken: counts and histograms then describe the same tasks
            tasksMeasured += h.latency().getTotalCount();
            rejectedMeasured += load.rejectedSoFar() - iterationRejected;
            iterationStart = null;
            measuredIterationEnded();
        }
    }

    /** Called once, as the first measured iteration starts (the warm-up is over); nothing by default. */
    protected void measurementBegins() {
    }

    /** Called as each measured iteration ends, while the load still runs; nothing by default. */
    protected void measuredIterationEnded() {
    }

    /** {@return the delay server's own figures over the measured iterations, for the point's summary}; null (none) by default */
    protected ServerStats serverStats() {
        return null;
    }

    /**
     * Sleeps one slice, then counts the tasks that finished meanwhile.
     *
     * @return tasks finished since the trial began (for JMH to consume)
     */
    protected final long slice(TaskCounters counters) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(SLICE_MILLIS));
        long completed = load.completedSoFar();
        long failed = load.failedSoFar();
        counters.completed += completed - lastCompleted;
        counters.failed += failed - lastFailed;
        long rejected = load.rejectedSoFar();
        counters.rejected += rejected - lastRejected;
        lastRejected = rejected;
        lastCompleted = completed;
        lastFailed = failed;
        if (measuring) {
            invocations++;
        }
        return completed + failed;
    }

    /**
     * Stops the load, checks the trial's work, writes the measured latencies and the point's summary, and closes the model.
     *
     * @throws IllegalStateException if a task was lost or doubled, a result is wrong, or a failure has no injection behind it
     */
    @TearDown(Level.Trial)
    public void tearDownTrial() throws IOException {
        try {
            ClosedLoop.Drained drained = load.stop(DRAIN_TIMEOUT);
            TrialCheck.verify(model, drained);
            drained(running, drained);
            if (latencyFile != null && measured.latency().getTotalCount() > 0) {
                measured.latency().setStartTimeStamp(latencyStartMillis);
                measured.latency().setEndTimeStamp(System.currentTimeMillis());
                LatencyLog.append(latencyFile, measured.latency());
            }
            if (summaryFile != null && invocations > 0) {
                summary(drained).writeMerged(summaryFile, serverStats());
            }
        } finally {
            try {
                if (running != null) {
                    running.close();
                }
            } finally {
                afterTrial();
            }
        }
    }

    /**
     * Prepares what the trial's tasks need outside the model (a delay server, a directory), before
     * the model is created; {@return the options the model is created with} (the default: the defaults)
     */
    protected ModelOptions beforeTrial(Workload workload) {
        return ModelOptions.defaults();
    }

    /** Undoes {@link #beforeTrial} once the model is closed, also when the trial failed. */
    protected void afterTrial() {
    }

    private PointSummary summary(ClosedLoop.Drained drained) {
        boolean open = load instanceof OpenLoop;
        int maxInFlight = open ? ((OpenLoop) load).maxInFlightSeen() : workload.concurrency();
        return new PointSummary(trial.getBenchmark(), LatencyLog.paramsOf(trial), open, workload.concurrency(),
                maxInFlight, workload.cpuUnits(), workload.cpuNanos(), startupNanos / 1e6, invocations,
                cpuNanosMeasured, tasksMeasured, measuredNanos, rejectedMeasured, offeredRate(), measured,
                drained.verification().method(), drained.verification().checked(), drained.verification().passed());
    }
}
