package dev.crossover.benchmarks;

import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Tasks that do nothing: each model's <em>dispatch ceiling</em>, the most tasks per second the
 * driver and the model's mechanism can hand out and report back when the tasks themselves cost
 * nothing.
 *
 * <h2>What it measures</h2>
 * {@code completed} (tasks/s) of {@code null} tasks, C in flight, through the same driver as every
 * other benchmark. A point of another benchmark whose ideal is above half of a model's ceiling
 * measures that model's dispatch, not the workload: the report marks it "dispatch-bound" and
 * keeps it out of the winner map and the claims for that model.
 *
 * <h2>What to expect</h2>
 * Loop models in the millions per second (a submission is a queue push on the loop's own thread),
 * virtual threads around a million or two, platform pools lower, worker processes lowest (a frame
 * each way over a pipe).
 *
 * <h2>How to run</h2>
 * {@snippet :
 * java -jar benchmarks/target/benchmarks.jar NullBenchmark -p model=eventloop,threads-virtual -p concurrency=100
 * }
 * {@code ioMillis} and {@code cpuMicros} are always 0; they are params so every workload's results
 * carry the same keys.
 */
@State(Scope.Benchmark)
public class NullBenchmark extends WorkloadBenchmark {
    @Param("0")
    public int ioMillis;

    @Param("0")
    public int cpuMicros;

    @Override
    protected Workload.Builder workload() {
        return builder(WorkloadKind.NULL, ioMillis, cpuMicros);
    }

    /** One slice of the running load: sleeps, then counts what finished (see {@link WorkloadBenchmark}). */
    @Benchmark
    public long run(TaskCounters counters) {
        return slice(counters);
    }
}
