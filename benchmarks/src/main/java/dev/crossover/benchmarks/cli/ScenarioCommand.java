package dev.crossover.benchmarks.cli;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.Models;
import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scenario}: runs one model on one workload outside JMH, in seconds, after a warm-up pass.
 *
 * <p>Exit codes: 0 when every task completed, 1 when some failed (or {@code --verify} found a
 * checksum that is not the reference), 2 on bad input.
 */
@Command(name = "scenario", description = "Runs one model on one workload and prints what it did.")
public final class ScenarioCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model id (see `models`).")
    String model;

    @Option(names = "--workload", required = true, description = "Workload id (see `workloads`).")
    String workload;

    @Option(names = "--tasks", defaultValue = "10000", description = "Tasks in the run (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--concurrency", defaultValue = "100", description = "Most tasks in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--io", converter = Durations.class, description = "Wait per task, e.g. 50ms (default: the workload's).")
    Duration io;

    @Option(names = "--cpu", converter = Durations.class, description = "CPU work per task, e.g. 200us (default: the workload's).")
    Duration cpu;

    @Option(names = "--cpu-units", description = "CPU work per task in kernel units, instead of --cpu (pins checksums across JVMs).")
    Long cpuUnits;

    @Option(names = "--fanout", description = "Waits per task for the fanout workload (default: 8).")
    Integer fanout;

    @Option(names = "--fail-rate", defaultValue = "0", description = "Probability that a wait (or a computation) fails (default: 0).")
    double failRate;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of tokens and faults (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", description = "Fixed pool size for threads-fixed (default: " + ModelOptions.DEFAULT_THREADS + ").")
    Integer threads;

    @Option(names = "--workers", description = "Worker processes for the processes models (default: cores).")
    Integer workers;

    @Option(names = "--offload-threads", description = "Pool that takes CPU work off the loop in eventloop-offload (default: cores).")
    Integer offloadThreads;

    @Option(names = "--warmup", defaultValue = "1", description = "Unmeasured passes before the measured one (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--verify", description = "Also compute the reference checksum sequentially and fail on a mismatch.")
    boolean verify;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() {
        Workload built = workload();
        ModelOptions options = options();
        Models.provider(model);  // unknown ids fail here, before anything starts
        if (warmup < 0) {
            throw new IllegalArgumentException("warmup: " + warmup + " (expected: >= 0)");
        }
        RunResult result;
        long creating = System.nanoTime();
        long startupNanos;
        try (ConcurrencyModel m = Models.create(model, options)) {
            startupNanos = System.nanoTime() - creating;  // pools, loops, worker JVMs: ready before measuring
            for (int i = 0; i < warmup; i++) {
                m.run(built);
            }
            result = m.run(built);
        }
        Boolean matches = verify ? result.checksumMatchesReference() : null;
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? ScenarioOutput.json(result, startupNanos, matches)
                : ScenarioOutput.text(result, startupNanos, matches));
        out.flush();
        return result.failed() > 0 || Boolean.FALSE.equals(matches) ? 1 : 0;
    }

    private Workload workload() {
        WorkloadKind kind = WorkloadKind.byId(this.workload);
        Workload.Builder builder = Workload.builder(kind).seed(seed).tasks(tasks).concurrency(concurrency)
                .failRate(failRate);
        if (io != null) {
            builder.io(io);
        }
        if (cpu != null && cpuUnits != null) {
            throw new IllegalArgumentException("cpu-units: " + cpuUnits + " (expected: --cpu or --cpu-units, not both)");
        }
        if (cpu != null) {
            builder.cpu(cpu);
        }
        if (cpuUnits != null) {
            builder.cpuUnits(cpuUnits);
        }
        if (fanout != null) {
            builder.fanout(fanout);
        }
        return builder.build();
    }

    private ModelOptions options() {
        ModelOptions options = ModelOptions.defaults();
        if (threads != null) {
            options = options.withThreads(threads);
        }
        if (workers != null) {
            options = options.withWorkers(workers);
        }
        if (offloadThreads != null) {
            options = options.withOffloadThreads(offloadThreads);
        }
        return options;
    }
}
