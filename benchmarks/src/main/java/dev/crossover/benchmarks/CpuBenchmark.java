package dev.crossover.benchmarks;

import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Pure computing: each task runs {@code cpuMicros} worth of the deterministic kernel.
 *
 * <h2>What it measures</h2>
 * Tasks per second ({@code completed}) of CPU-bound work: parallelism, and the seeds' claim that
 * processes are the better choice for CPU-heavy tasks.
 *
 * <h2>What to expect</h2>
 * The ideal is {@code min(concurrency, cores) / cpuMicros}. On the JVM there is no GIL: thread
 * pools and virtual threads should reach it, worker processes should match them but not beat them
 * (they pay for pipes), and a single event loop that computes on its thread stays at
 * {@code 1 / cpuMicros} however many cores there are.
 *
 * <h2>How to run</h2>
 * {@snippet :
 * java -jar benchmarks/target/benchmarks.jar CpuBenchmark -p model=threads-forkjoin,processes -p cpuMicros=1000
 * }
 * The {@code model} and {@code concurrency} params are {@link WorkloadBenchmark}'s; the {@code model}
 * param's default is one model, because JMH needs a default in the annotation; the {@code run}
 * command always passes every model from {@link dev.crossover.core.Models#ids()}.
 * {@code ioMillis} is always 0 here; it is a param so every workload's results carry the same keys.
 */
@State(Scope.Benchmark)
public class CpuBenchmark extends WorkloadBenchmark {
    @Param("0")
    public int ioMillis;

    @Param("1000")
    public int cpuMicros;

    @Override
    protected Workload.Builder workload() {
        return builder(WorkloadKind.CPU, ioMillis, cpuMicros);
    }

    /** One slice of the running load: sleeps, then counts what finished (see {@link WorkloadBenchmark}). */
    @Benchmark
    public long run(TaskCounters counters) {
        return slice(counters);
    }
}
