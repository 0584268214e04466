package dev.crossover.benchmarks;

import dev.crossover.core.Completion;
import dev.crossover.core.Recording;
import dev.crossover.core.TaskSpec;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost per task of the driver's recording, at 1 and 2 recording threads, beside the shared
 * recorder it replaced.
 *
 * <h2>What it measures</h2>
 * Nanoseconds per task to book one outcome: {@code driver*} the driver's own path (a
 * {@link Completion} told the task began, its wait ended and it completed: striped histograms of
 * latency, service time and lateness, striped counters and checksum); {@code shared*} a baseline of
 * the old single recorder (one HdrHistogram {@link Recorder} every thread writes, an in-flight
 * counter, a max-in-flight accumulate and a shared counter), as every model's tasks paid it.
 *
 * <h2>What to expect</h2>
 * At one thread the two are close; at two threads the shared baseline pays for its contended
 * cache lines and the striped path should not.
 *
 * <h2>How to run</h2>
 * {@snippet :
 * java -jar benchmarks/target/benchmarks.jar RecorderBenchmark
 * }
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgs = {Profile.Pinned.XMS, Profile.Pinned.XMX})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class RecorderBenchmark {
    private final Workload workload = Workload.builder(WorkloadKind.SLEEP).seed(1).build();
    private final TaskSpec spec = workload.task(0);
    private final Recording recording = new Recording(workload);
    private final Recorder shared = new Recorder(3);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final LongAdder completed = new LongAdder();

    @Benchmark
    @Threads(1)
    public void driverOneThread() {
        book();
    }

    @Benchmark
    @Threads(2)
    public void driverTwoThreads() {
        book();
    }

    @Benchmark
    @Threads(1)
    public void sharedOneThread() {
        bookShared();
    }

    @Benchmark
    @Threads(2)
    public void sharedTwoThreads() {
        bookShared();
    }

    private void book() {
        Completion done = recording.attempt(spec);
        done.began();
        done.waitEnded(System.nanoTime());
        done.completed(42);
    }

    private void bookShared() {
        long admitted = System.nanoTime();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        shared.recordValue(Math.max(0, System.nanoTime() - admitted));
        completed.increment();
        inFlight.decrementAndGet();
    }
}
