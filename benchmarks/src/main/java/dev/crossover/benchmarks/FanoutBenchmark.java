package dev.crossover.benchmarks;

import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Gather: each task waits for {@code fanout} concurrent waits of {@code ioMillis} as one group,
 * then computes {@code cpuMicros}.
 *
 * <h2>What it measures</h2>
 * Tasks per second ({@code completed}) of gather and task groups: how cheaply each model runs k
 * sub-waits per task ({@code concurrency * fanout} waits in flight at most).
 *
 * <h2>What to expect</h2>
 * The ideal is {@code concurrency / (io + cpu)}, as if the k waits cost one. Event loops and
 * virtual threads should stay close; a fixed pool whose threads block on sub-waits loses up to a
 * factor of k once {@code concurrency * fanout} exceeds its threads. Models that do not run
 * fan-out workloads reject them, and the {@code run} command leaves them out of this benchmark
 * and lists them, with their reason, in {@code failures.json}.
 *
 * <h2>How to run</h2>
 * {@snippet :
 * java -jar benchmarks/target/benchmarks.jar FanoutBenchmark -p model=eventloop,threads-virtual -p fanout=8
 * }
 * The {@code model} and {@code concurrency} params are {@link WorkloadBenchmark}'s; the {@code model}
 * param's default is one model, because JMH needs a default in the annotation; the {@code run}
 * command always passes every model from {@link dev.crossover.core.Models#ids()}.
 */
@State(Scope.Benchmark)
public class FanoutBenchmark extends WorkloadBenchmark {
    @Param("10")
    public int ioMillis;

    @Param("0")
    public int cpuMicros;

    @Param("8")
    public int fanout;

    /** The probability that each wait fails (injected, the same waits under every model): the group's cancellation. */
    @Param("0")
    public double failRate;

    @Override
    protected Workload.Builder workload() {
        return builder(WorkloadKind.FANOUT, ioMillis, cpuMicros).fanout(fanout).failRate(failRate);
    }

    /** One slice of the running load: sleeps, then counts what finished (see {@link WorkloadBenchmark}). */
    @Benchmark
    public long run(TaskCounters counters) {
        return slice(counters);
    }
}
