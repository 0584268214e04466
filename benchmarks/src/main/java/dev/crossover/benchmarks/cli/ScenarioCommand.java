package dev.crossover.benchmarks.cli;

import dev.crossover.core.Arrivals;
import dev.crossover.core.Distribution;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.ModelProvider;
import dev.crossover.core.Models;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scenario}: runs one or more models on one workload outside JMH, in seconds, one model
 * after another in this JVM, through the driver, and prints them side by side.
 *
 * <h2>How each model is driven</h2>
 * By default a closed loop keeps {@code --concurrency} tasks in flight continuously: after a
 * warm-up of {@code --warmup} (a duration) one window measures {@code --tasks} outcomes, so nothing
 * ramps up or drains inside it. {@code --rate R} drives an open loop instead (arrivals at R/s,
 * {@code --arrivals poisson|constant}, at most {@code --max-in-flight}, latency from each arrival's
 * intended start); {@code --fixed} runs every one of {@code --tasks} once, ramp and drain included.
 * Every trial is drained and checked in full (each task one outcome, the reference results).
 *
 * <h2>One workload for every model</h2>
 * The workload is built once, so {@code --cpu} is turned into kernel units by one calibration and
 * every model computes the same units. Each model is created, driven and closed before the next
 * one starts, so no model runs beside another.
 *
 * <h2>Output</h2>
 * A table with one row per model, each printed as its model finishes; with {@code --json}, a JSON
 * array of one object per model ({@link ScenarioOutput#fields}). Each pass, warm-up included, that
 * failed a task gets a line on standard error naming the model, the pass, the count and the causes.
 *
 * <p>Exit codes: 0 when every trial of every model failed exactly the tasks {@code --fail-rate}
 * injects and checked out; 1 when a trial failed others (or fewer) or its check failed; 2 on bad
 * input, such as an unknown model.
 */
@Command(name = "scenario", description = "Runs models one after another on one workload and prints them side by side.")
public final class ScenarioCommand implements Callable<Integer> {
    /** The {@code --model} value that names every model on the class path. */
    static final String ALL = "all";

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "M[,M2...]|all",
            description = "Model ids separated by commas (see `models`), or all of them: all.")
    String model;

    @Option(names = "--workload", required = true, description = "Workload id (see `workloads`).")
    String workload;

    @Option(names = "--tasks", defaultValue = "10000", description = "Outcomes (or arrivals, with --rate) the "
            + "measured window holds; with --fixed, the tasks of the run (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--concurrency", defaultValue = "100", description = "Tasks kept in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--rate", description = "Open loop: arrivals per second, whatever the model is doing.")
    Double rate;

    @Option(names = "--arrivals", defaultValue = "poisson", description = "Open loop: poisson or constant (default: ${DEFAULT-VALUE}).")
    String arrivals;

    @Option(names = "--max-in-flight", defaultValue = "10000", description = "Open loop: arrivals beyond this many in "
            + "flight are rejected (counted), never delayed (default: ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(names = "--fixed", description = "Run every one of --tasks once, ramp and drain included, instead of a steady window.")
    boolean fixed;

    @Option(names = "--io-dist", defaultValue = "fixed", description = "How each wait varies: fixed, uniform:P%%, exp, "
            + "lognormal:SIGMA, spike:P%%:DURATION (default: ${DEFAULT-VALUE}).")
    String ioDist;

    @Option(names = "--cpu-dist", defaultValue = "fixed", description = "How each task's CPU work varies, as --io-dist "
            + "(default: ${DEFAULT-VALUE}).")
    String cpuDist;

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

    @Option(names = "--accounts", description = "Accounts the shared workload's transfers pick two of, "
            + dev.crossover.core.Workload.MIN_ACCOUNTS + " to " + dev.crossover.core.Workload.MAX_ACCOUNTS
            + " (default: " + dev.crossover.core.Workload.DEFAULT_ACCOUNTS + ").")
    Integer accounts;

    @Option(names = "--lock", description = "How thread models guard the shared workload's accounts: synchronized, "
            + "reentrant, stamped, striped, or none, a demonstration of lost updates (default: synchronized).")
    String lock;

    @Option(names = "--warmup", defaultValue = "2s", converter = Durations.class,
            description = "How long the load runs before the measured window (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--json", description = "Print a JSON array of one object per model instead of the table.")
    boolean json;

    @Option(names = "--bytes", description = "Bytes each task's real I/O moves: the response body (http, default 64), "
            + "the file (file, default 65536).")
    Integer bytes;

    @Option(names = "--target", paramLabel = "HOST:PORT", description = "http: a delay server already running "
            + "(default: start one, a JVM of its own, for the run).")
    String target;

    @Option(names = "--timeout", defaultValue = "10s", converter = Durations.class,
            description = "http: how long one request may take, connect included (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        Workload built = workload();
        ScenarioRun.Mode mode = mode();
        List<ModelProvider> providers = providers(model);  // unknown ids fail here, before anything starts
        PrintWriter err = spec.commandLine().getErr();
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: " + Durations.format(timeout) + " (expected: > 0)");
        }
        try (RealIoSetup io = RealIoSetup.open(built, target, timeout, line -> {
            err.println(line);
            err.flush();
        })) {
            return run(built, options().withIo(io.options()), mode, providers);
        }
    }

    private int run(Workload built, ModelOptions options, ScenarioRun.Mode mode, List<ModelProvider> providers) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!json) {
            out.println(ScenarioOutput.title(built, mode, warmup));
            out.println(ScenarioOutput.header());
            out.flush();
        }
        List<ScenarioRun> runs = new ArrayList<>();
        List<Map<String, Object>> objects = new ArrayList<>();
        boolean failed = false;
        for (ModelProvider provider : providers) {
            ScenarioRun run;
            try {
                run = ScenarioRun.of(provider, options, built, mode, warmup, line -> {
                    err.println(line);
                    err.flush();
                });
            } catch (IllegalArgumentException rejected) {
                if (providers.size() == 1) {
                    throw rejected;
                }
                err.println("crossover: scenario: " + provider.id() + ": skipped: " + rejected.getMessage());
                err.flush();
                continue;
            } catch (IllegalStateException broken) {
                // the model's trial did not end as it must (tasks without an outcome): the others still run
                err.println("crossover: scenario: " + provider.id() + ": failed: " + broken.getMessage());
                err.flush();
                failed = true;
                continue;
            }
            runs.add(run);
            boolean checked = run.measured().checksumMatchesReference();
            if (!checked) {
                err.println("crossover: scenario: " + provider.id() + ": " + run.measured().verification().describe());
                err.flush();
            }
            failed |= run.unexpectedFailures() || !checked;
            objects.add(ScenarioOutput.fields(run));
            if (!json) {
                out.println(ScenarioOutput.row(run));
                out.flush();
            }
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("model: " + model + " (expected: a model that runs workload "
                    + built.kind().id() + ")");
        }
        boolean same = !(mode instanceof ScenarioRun.Mode.Fixed) || sameChecksums(runs, err);
        failed |= !same;
        boolean sameState = !(mode instanceof ScenarioRun.Mode.Fixed) || sameStateHashes(runs, err);
        failed |= !sameState;
        if (json) {
            out.println(ScenarioOutput.json(objects));
        } else {
            for (ScenarioRun run : runs) {
                if (run.shared() != null) {
                    out.println(ScenarioOutput.sharedLine(run));
                }
                if (!run.mechanism().isEmpty()) {
                    out.println(run.measured().model() + ": " + run.mechanism());
                }
                ScenarioOutput.queueing(run.measured()).ifPresent(q -> out.println(run.measured().model() + ": " + q));
            }
            if (runs.stream().allMatch(r -> r.measured().checksumMatchesReference())) {
                out.println(mode instanceof ScenarioRun.Mode.Fixed && same && runs.size() > 1
                        ? "checksum " + Long.toHexString(runs.get(0).measured().checksum()) + " for every model: "
                                + "each ran the same tasks, with the reference results"
                        : "every model's results are the reference's for exactly the tasks it ran");
            }
        }
        out.flush();
        return failed ? 1 : 0;
    }

    /**
     * {@return whether every fixed-count run that failed only the injected tasks has the same
     * checksum}: they ran the same tasks, so a difference is lost work; says so on {@code err}
     */
    private static boolean sameChecksums(List<ScenarioRun> runs, PrintWriter err) {
        Map<String, List<String>> byChecksum = new java.util.TreeMap<>();
        runs.stream().filter(r -> !r.unexpectedFailures()).forEach(r -> byChecksum.computeIfAbsent(
                Long.toHexString(r.measured().checksum()), k -> new ArrayList<>()).add(r.measured().model()));
        if (byChecksum.size() <= 1) {
            return true;
        }
        err.println("crossover: scenario: checksums: " + byChecksum + " (expected: one checksum for every model)");
        err.flush();
        return false;
    }

    /**
     * {@return whether every guarded fixed-count {@code shared} run ended in the same state hash}:
     * they applied the same transfers, which commute, so a difference is a lost or doubled update
     */
    private static boolean sameStateHashes(List<ScenarioRun> runs, PrintWriter err) {
        Map<String, List<String>> byHash = new java.util.TreeMap<>();
        runs.stream().filter(r -> r.shared() != null && r.shared().guarded() && !r.unexpectedFailures())
                .forEach(r -> byHash.computeIfAbsent(Long.toHexString(r.shared().stateHash()),
                        k -> new ArrayList<>()).add(r.measured().model()));
        if (byHash.size() <= 1) {
            return true;
        }
        err.println("crossover: scenario: state hashes: " + byHash + " (expected: one state hash for every model)");
        err.flush();
        return false;
    }

    private ScenarioRun.Mode mode() {
        if (rate != null && fixed) {
            throw new IllegalArgumentException("fixed: true (expected: --rate or --fixed, not both)");
        }
        if (rate != null) {
            return new ScenarioRun.Mode.Open(new Arrivals(Arrivals.Kind.byName(arrivals), rate, seed),
                    dev.crossover.core.Checks.positive("max-in-flight", maxInFlight));
        }
        return fixed ? new ScenarioRun.Mode.Fixed() : new ScenarioRun.Mode.Steady();
    }

    /**
     * {@return the providers {@code ids} names}: ids separated by commas, in their order (a repeated
     * one once), or every model for {@value #ALL}
     * @throws IllegalArgumentException if an id is empty or no model has it
     */
    static List<ModelProvider> providers(String ids) {
        if (ids.strip().equals(ALL)) {
            List<ModelProvider> all = Models.providers();
            if (all.isEmpty()) {
                throw new IllegalArgumentException("model: all (expected: at least one model on the class path)");
            }
            return all;
        }
        Set<String> named = new LinkedHashSet<>();
        for (String id : ids.split(",", -1)) {
            if (id.isBlank()) {
                throw new IllegalArgumentException("model: " + ids + " (expected: model ids separated by commas, or all)");
            }
            named.add(id.strip());
        }
        List<ModelProvider> providers = new ArrayList<>();
        for (String id : named) {
            providers.add(Models.provider(id));
        }
        return providers;
    }

    private Workload workload() {
        WorkloadKind kind = WorkloadKind.byId(this.workload);
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warmup: " + Durations.format(warmup) + " (expected: >= 0)");
        }
        Workload.Builder builder = Workload.builder(kind).seed(seed).tasks(tasks).concurrency(concurrency)
                .failRate(failRate).ioDist(Distribution.parse(ioDist)).cpuDist(Distribution.parse(cpuDist));
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
        if (accounts != null) {
            builder.accounts(accounts);
        }
        if (lock != null && kind != WorkloadKind.SHARED) {
            throw new IllegalArgumentException("lock: " + lock + " (expected: only with --workload shared)");
        }
        if (bytes != null) {
            builder.bytes(bytes);
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
        if (lock != null) {
            options = options.withLock(dev.crossover.core.LockKind.byId(lock));
        }
        return options;
    }
}
