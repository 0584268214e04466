package dev.crossover.benchmarks;

import dev.crossover.core.Arrivals;
import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.Driver;
import dev.crossover.core.LoadLoop;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Tasks that arrive at a rate whatever the model is doing (Poisson arrivals from a fixed seed):
 * latency under load, timed from each task's <em>intended</em> start, so a stall delays every
 * arrival behind it (coordinated omission corrected, as wrk2 does); service time beside it.
 *
 * <h2>What it measures</h2>
 * {@code completed} is the achieved rate (tasks/s), {@code rejected} the arrivals per second
 * refused at the cap ({@code maxInFlight}; never silently delayed); the latency log and the
 * point's summary hold the percentiles from intended start and of service time, and the driver's
 * own lag. The {@code run} command first measures each model's closed-loop capacity at the point
 * and then offers {@code load} percent of it as {@code rate}; run by hand, give {@code rate} and
 * leave {@code load} as a label.
 *
 * <h2>What to expect</h2>
 * Far below capacity every model's latency is its service time; near capacity the queueing shows
 * from intended start first; a model that stalls (a loop computing a CPU spike) delays every
 * arrival behind the stall, which only latency from intended start reveals.
 *
 * <h2>How to run</h2>
 * {@snippet :
 * java -jar benchmarks/target/benchmarks.jar OpenLoopBenchmark -p model=eventloop -p workload=mixed \
 *     -p ioMillis=10 -p cpuMicros=100 -p rate=500
 * }
 */
@State(Scope.Benchmark)
public class OpenLoopBenchmark extends WorkloadBenchmark {
    /** The workload each arrival runs: {@code sleep} or {@code mixed}. */
    @Param("sleep")
    public String workload;

    @Param("10")
    public int ioMillis;

    @Param("0")
    public int cpuMicros;

    /** Offered arrivals per second. */
    @Param("1000")
    public int rate;

    /** The share of the model's capacity that {@code rate} is, in percent: a label for the report (the sweep sets both). */
    @Param("50")
    public int load;

    /**
     * How each task's CPU work varies around {@code cpuMicros}: {@link dev.crossover.core.Distribution}'s
     * syntax spelt with {@code _} for {@code :} and {@code pct} for {@code %}, since a param names the
     * point's files: {@code fixed}, or e.g. {@code spike_0.5pct_20ms} ({@code spike:0.5%:20ms}) for a
     * few tasks that block a loop.
     */
    @Param("fixed")
    public String cpuDist;

    /** The cap on tasks in flight; arrivals beyond it are rejected. */
    @Param("10000")
    public int maxInFlight;

    /** The seed of the Poisson arrivals. */
    static final long ARRIVALS_SEED = 20_261_201L;

    @Override
    protected Workload.Builder workload() {
        WorkloadKind kind = WorkloadKind.byId(workload);
        if (kind != WorkloadKind.SLEEP && kind != WorkloadKind.MIXED) {
            throw new IllegalArgumentException("workload: " + workload + " (expected: sleep or mixed)");
        }
        return builder(kind, ioMillis, cpuMicros).concurrency(maxInFlight)
                .cpuDist(dev.crossover.core.Distribution.parse(distribution(cpuDist)));
    }

    /** {@return the distribution {@code param} spells}: {@code _} for {@code :}, {@code pct} for {@code %} */
    static String distribution(String param) {
        return param.replace("pct", "%").replace('_', ':');
    }

    @Override
    protected LoadLoop startLoad(ConcurrencyModel model, Workload w) {
        return Driver.openLoop(model, w, new Arrivals(Arrivals.Kind.POISSON, rate, ARRIVALS_SEED), maxInFlight);
    }

    @Override
    protected double offeredRate() {
        return rate;
    }

    /** One slice of the running load: sleeps, then counts what finished (see {@link WorkloadBenchmark}). */
    @Benchmark
    public long run(TaskCounters counters) {
        return slice(counters);
    }
}
