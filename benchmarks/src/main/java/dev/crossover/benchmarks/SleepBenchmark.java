package dev.crossover.benchmarks;

import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Pure waiting: each task waits {@code ioMillis} on a timer, at most {@code concurrency} at once.
 *
 * <h2>What it measures</h2>
 * Tasks per second ({@code completed} in JMH's secondary metrics) of the seeds'
 * {@code asyncio.sleep} examples under each model, from one task at a time to ten thousand.
 *
 * <h2>What to expect</h2>
 * The ideal is {@code concurrency / ioMillis}. Every model should come near it at small C
 * (C = 3 is three times C = 1: the seeds' "6 s in sequence, 2 s with gather"); at C in the
 * thousands, event loops and virtual threads should keep their efficiency, a fixed pool of 200
 * threads caps at {@code 200 / ioMillis}, and models that hold one task per worker cap lower still.
 *
 * <h2>How to run</h2>
 * {@snippet :
 * java -jar benchmarks/target/benchmarks.jar SleepBenchmark -p model=threads-virtual -p concurrency=1,100
 * java -jar benchmarks/target/benchmarks.jar run --profile quick --include SleepBenchmark
 * }
 * The {@code model} and {@code concurrency} params are {@link WorkloadBenchmark}'s; the {@code model}
 * param's default is one model, because JMH needs a default in the annotation; the {@code run}
 * command always passes every model from {@link dev.crossover.core.Models#ids()}.
 * {@code cpuMicros} is always 0 here (a sleep computes nothing); it is a param so that every
 * workload's results carry the same keys.
 */
@State(Scope.Benchmark)
public class SleepBenchmark extends WorkloadBenchmark {
    @Param("10")
    public int ioMillis;

    @Param("0")
    public int cpuMicros;

    @Override
    protected Workload.Builder workload() {
        return builder(WorkloadKind.SLEEP, ioMillis, cpuMicros);
    }

    /** One slice of the running load: sleeps, then counts what finished (see {@link WorkloadBenchmark}). */
    @Benchmark
    public long run(TaskCounters counters) {
        return slice(counters);
    }
}
