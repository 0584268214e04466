package dev.crossover.benchmarks;

import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The crossover: each task waits {@code ioMillis}, then computes {@code cpuMicros}.
 *
 * <h2>What it measures</h2>
 * Tasks per second ({@code completed}) as the CPU share {@code cpu / (io + cpu)} grows from none
 * to dominant, at each concurrency: the grid the report's winner map is drawn from.
 *
 * <h2>What to expect</h2>
 * The ideal is {@code min(concurrency / (io + cpu), cores / cpu)}. With little CPU the waiting
 * models win as in {@link SleepBenchmark}; as the share grows, an event loop that computes on its
 * own thread collapses to {@code 1 / cpu} (the seeds' "a blocking call blocks everything") while
 * {@code eventloop-offload}, thread pools and processes approach {@code cores / cpu}.
 *
 * <h2>How to run</h2>
 * {@snippet :
 * java -jar benchmarks/target/benchmarks.jar MixedBenchmark -p model=eventloop,eventloop-offload -p cpuMicros=0,1000,30000
 * }
 * The {@code model} and {@code concurrency} params are {@link WorkloadBenchmark}'s; the {@code model}
 * param's default is one model, because JMH needs a default in the annotation; the {@code run}
 * command always passes every model from {@link dev.crossover.core.Models#ids()}.
 */
@State(Scope.Benchmark)
public class MixedBenchmark extends WorkloadBenchmark {
    @Param("10")
    public int ioMillis;

    @Param("1000")
    public int cpuMicros;

    @Override
    protected Workload.Builder workload() {
        return builder(WorkloadKind.MIXED, ioMillis, cpuMicros);
    }

    /** One slice of the running load: sleeps, then counts what finished (see {@link WorkloadBenchmark}). */
    @Benchmark
    public long run(TaskCounters counters) {
        return slice(counters);
    }
}
