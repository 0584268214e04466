package dev.crossover.core;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The books of one run, kept by the model as it goes: which tasks were admitted and finished, how
 * many were in flight at most, their latencies and the checksum of their results.
 *
 * <p>A model calls {@link #admit} when a task takes one of the {@code concurrency} places, then
 * exactly one of {@link #complete} or {@link #fail}. The books refuse anything else (a task
 * admitted twice, finished twice or finished unadmitted), so a model cannot lose or repeat work
 * unnoticed. Latency runs from admission to completion.
 *
 * <h2>Threading</h2>
 * Every method may be called from any thread; recording is lock-free.
 */
public final class RunRecorder {
    private static final int NEW = 0;
    private static final int ADMITTED = 1;
    private static final int DONE = 2;

    private final Workload workload;
    private final long startNanos = System.nanoTime();
    private final AtomicIntegerArray states;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Checksum checksum = new Checksum();
    private final Recorder latency = new Recorder(3);
    private final Map<String, Integer> failureCauses = new ConcurrentHashMap<>();

    /** Starts the books, and the wall clock, of a run of {@code workload}. */
    public RunRecorder(Workload workload) {
        this.workload = Objects.requireNonNull(workload, "workload");
        this.states = new AtomicIntegerArray(workload.tasks());
    }

    /** {@return the workload being run} */
    public Workload workload() {
        return workload;
    }

    /**
     * Records that the task took a place in flight.
     *
     * @return the admission time, to pass to {@link #complete} or {@link #fail}
     * @throws IllegalStateException if the task was admitted before
     */
    public long admit(TaskSpec task) {
        transition(task, NEW, ADMITTED, "admitted twice (expected: once)");
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        return System.nanoTime();
    }

    /**
     * Records the task's result.
     *
     * @throws IllegalStateException if the task was not admitted or already finished
     */
    public void complete(TaskSpec task, long result, long admittedNanos) {
        transition(task, ADMITTED, DONE, "completed without being admitted, or twice (expected: admitted, then finished once)");
        latency.recordValue(Math.max(0, System.nanoTime() - admittedNanos));
        checksum.add(task.index(), result);
        completed.increment();
        inFlight.decrementAndGet();
    }

    /**
     * Records that the task failed with {@code cause}.
     *
     * @throws IllegalStateException if the task was not admitted or already finished
     */
    public void fail(TaskSpec task, Throwable cause, long admittedNanos) {
        transition(task, ADMITTED, DONE, "failed without being admitted, or twice (expected: admitted, then finished once)");
        latency.recordValue(Math.max(0, System.nanoTime() - admittedNanos));
        failureCauses.merge(causeName(cause), 1, Integer::sum);
        failed.increment();
        inFlight.decrementAndGet();
    }

    /** {@return how many tasks have completed or failed so far} */
    public long finished() {
        return completed.sum() + failed.sum();
    }

    /**
     * {@return the run's result}, with the wall time from this recorder's creation until now
     * @throws IllegalStateException if a task was neither completed nor failed
     */
    public RunResult finish(String modelId) {
        long wallNanos = System.nanoTime() - startNanos;
        long done = finished();
        if (done != workload.tasks()) {
            throw new IllegalStateException("model " + modelId + ": " + (workload.tasks() - done)
                    + " of " + workload.tasks() + " tasks neither completed nor failed (expected: every task finished)");
        }
        Histogram histogram = latency.getIntervalHistogram();
        return new RunResult(modelId, workload, (int) completed.sum(), (int) failed.sum(), wallNanos,
                maxInFlight.get(), checksum.value(), histogram, Map.copyOf(failureCauses));
    }

    private void transition(TaskSpec task, int from, int to, String what) {
        if (!states.compareAndSet(task.index(), from, to)) {
            throw new IllegalStateException("task " + task.index() + ": " + what);
        }
    }

    private static String causeName(Throwable cause) {
        if (cause == null) {
            return "unknown";
        }
        String message = cause.getMessage();
        String type = cause.getClass().getSimpleName();
        if (cause instanceof InjectedFailure) {
            return "InjectedFailure";
        }
        return message == null ? type : type + ": " + message.lines().findFirst().orElse("");
    }
}
