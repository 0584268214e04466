package dev.crossover.benchmarks;

import dev.crossover.core.WorkloadKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The benchmark sweeps, each one named definition: a parameter grid per workload and the JMH
 * settings it runs with. Every grid runs every model given to {@link #plan}.
 *
 * <h2>Profiles</h2>
 * <ul>
 * <li>{@link #SMOKE}: for CI, about 3½ minutes on 2 cores: a point or two per workload (sleep,
 *     cpu, mixed, fan-out, the ceilings, one open-loop rate), every model, 2 forks of one 250 ms iteration each.</li>
 * <li>{@link #QUICK}: the default, at most {@value #QUICK_SWEEP_MINUTES} minutes of sweep on 2 cores
 *     ({@link #sweepBudget()}): 7 models ({@link #models}), about 90 points, 3 forks each as
 *     shuffled rounds, then up to {@value #QUICK_EXTRA_FORKS} more forks for the points of undecided
 *     cells while the budget lasts; only points a winner map or a claim uses: sleep at 1 ms (C = 1
 *     and 3, the gather claim) and 50 ms (C = 1,000), cpu at C = 1 and cores, mixed at CPU shares 9%
 *     and 67% at C = cores, fan-out with failures, the dispatch ceilings, shared state at 2 accounts,
 *     http at two waits (C = 1,000 and 10,000), file, and two fixed open-loop rates. Per fork one
 *     warm-up iteration of 1 s (http 1.5 s, cpu 300 ms: {@link #warmupTime}) and one measured of
 *     300 ms (at least two task times, file 1 s: {@link #measurementTime}); a point's interval comes
 *     from its fork means (the forks are what vary: JIT, placement, the machine over time), and a
 *     fork costs about {@value #OVERHEAD_SECONDS} s beyond its iterations.</li>
 * <li>{@link #FULL}: the paper-grade sweep: 5 forks, 3 + 5 iterations of 2 s, C at 1, cores,
 *     2 × cores, decades to 10,000 and 150/200/300 around the fixed pool, CPU shares 0 to 100%
 *     (with C* = (w + c) / c of the loop among the concurrencies), waits of 1, 10 and 50 ms; many hours.</li>
 * </ul>
 *
 * <h2>Steady state</h2>
 * Every point is measured in steady state by the driver (see {@link WorkloadBenchmark}): C tasks
 * in flight through every iteration, warm-up included. The {@code null} grid measures each model's
 * dispatch ceiling; the open-loop grids ({@link OpenGrid}) offer shares of each model's measured
 * closed-loop capacity (the {@code run} command measures it first, see {@link OpenGrid}).
 *
 * <h2>Exclusions</h2>
 * {@link #plan} leaves out, and lists with the reason:
 * <ul>
 * <li>points absurd for every model: where the C tasks in flight take longer than
 *     {@value #DRAIN_ITERATIONS} measurement iterations to drain even at the ideal rate on this
 *     machine ({@code C / ideal}, with {@code ideal = min(C / (io + cpu), cores / cpu)}): every
 *     trial would spend longer draining than measuring, and each task would wait that long; e.g.
 *     mixed at C = 10,000 with 20 ms of CPU: 100 s on 2 cores. The rule is computed, not a
 *     hand-kept list, so a machine with more cores keeps more points;</li>
 * <li>fan-out points of a model that rejects fan-out workloads (it would only fail).</li>
 * </ul>
 *
 * <h2>Cost</h2>
 * A point costs its iterations plus about {@value #OVERHEAD_SECONDS} s of forking, model start and
 * drain; an open-loop model's capacity about {@value #CAPACITY_SECONDS} s more, once per grid point;
 * {@link #estimate(int)} says so before a run starts.
 */
public enum Profile {
    /** For CI: a point or two per workload, every model, two short forks each. */
    SMOKE(new Settings(2, 1, Duration.ofMillis(100), 1, Duration.ofMillis(250), "512m"), List.of(
            new Grid(WorkloadKind.SLEEP, List.of(1, 3), List.of(10), List.of(0), List.of()),
            new Grid(WorkloadKind.CPU, List.of(2), List.of(0), List.of(500), List.of()),
            new Grid(WorkloadKind.MIXED, List.of(100), List.of(10), List.of(200), List.of()),
            new Grid(WorkloadKind.FANOUT, List.of(10), List.of(10), List.of(0), List.of(4)),
            new Grid(WorkloadKind.NULL, List.of(100), List.of(0), List.of(0), List.of()),
            new Grid(WorkloadKind.SHARED, List.of(100), List.of(0), List.of(10), List.of(2))), List.of(), List.of(
            new FixedRate(WorkloadKind.SLEEP, 10, 0, 100, 10_000, List.of()))),

    /**
     * The default: the points the report's winner maps and claims use, in 3 forks each and more where
     * a cell is undecided, about 12 minutes of sweep on 2 cores with 7 models.
     */
    QUICK(new Settings(Pinned.FORKS, Pinned.WARMUP_ITERATIONS, Duration.ofMillis(Pinned.WARMUP_MILLIS),
            Pinned.MEASUREMENT_ITERATIONS, Duration.ofMillis(Pinned.MEASUREMENT_MILLIS), Pinned.HEAP), List.of(
            // waits: 1 ms (C = 1 and 3 for the gather claim, and "threads suit I/O" at 1 < C <= 200) and 50 ms
            // at C = 1,000 (the "waiting" claim; C = 10,000 is http's here, and sleep's in full); 1 ms at
            // C >= 1,000 would ask 1 M tasks/s, above half of most models' dispatch ceilings: there the wait grows with C
            new Grid(WorkloadKind.SLEEP, List.of(1, 3), List.of(1), List.of(0), List.of()),
            new Grid(WorkloadKind.SLEEP, List.of(1_000), List.of(50), List.of(0), List.of()),
            // C = 1 and cores: the single-thread claims and "processes for CPU" (C >> cores is in full)
            new Grid(WorkloadKind.CPU, List.of(1, 2), List.of(0), List.of(1_000), List.of()),
            // CPU share 9% and 67% at C = cores (C = 100 and C* = (w + c) / c are in full)
            new Grid(WorkloadKind.MIXED, List.of(2), List.of(10), List.of(1_000, 20_000), List.of()),
            // one wait in 20 fails halfway through it: does the group end then, or when its last sibling does?
            new Grid(WorkloadKind.FANOUT, List.of(100), List.of(10), List.of(0), List.of(8), Map.of("failRate", "0.05")),
            new Grid(WorkloadKind.NULL, List.of(100), List.of(0), List.of(0), List.of()),
            // shared state at light CPU: K = 2, every transfer contends (10,000 accounts, almost none, is in full)
            new Grid(WorkloadKind.SHARED, List.of(100), List.of(0), List.of(10), List.of(2)),
            // real sockets, two waits: the wait grows with C so the ideal (20,000/s) stays within the delay
            // server's capacity (wrk: 19,229 req/s at 1,000 connections and 50 ms here)
            new Grid(WorkloadKind.HTTP, List.of(1_000), List.of(50), List.of(0), List.of(), Map.of("bytes", "64")),
            new Grid(WorkloadKind.HTTP, List.of(10_000), List.of(500), List.of(0), List.of(), Map.of("bytes", "64")),
            // a file round trip (64 KiB written, fsynced, read back) at 16 in flight
            new Grid(WorkloadKind.FILE, List.of(16), List.of(0), List.of(0), List.of(), Map.of("bytes", "65536"))),
            List.of(), List.of(
            // one offered rate for every judged model: CPU per task and p99 from intended start
            new FixedRate(WorkloadKind.SLEEP, 10, 0, 5_000, 10_000, FixedRate.LOOPS_AND_THREADS),
            // light tasks (10 ms wait, 10 us of CPU) and 0.5% spikes of 20 ms: does a blocking call stall the loop?
            // (with spikes on fewer than 1% of tasks, the p99 of all tasks is the light tasks' own tail)
            new FixedRate(WorkloadKind.MIXED, 10, 10, 2_000, 10_000, FixedRate.LOOP_AND_OFFLOAD, FixedRate.SPIKES))),

    /** Paper-grade: more forks, iterations and points; hours. */
    FULL(new Settings(5, 3, Duration.ofSeconds(2), 5, Duration.ofSeconds(2), "2g"), List.of(
            new Grid(WorkloadKind.SLEEP, List.of(1, 2, 3, 4, 10, 100, 150, 200, 300, 1_000), List.of(1), List.of(0), List.of()),
            new Grid(WorkloadKind.SLEEP, List.of(1, 2, 3, 4, 10, 100, 150, 200, 300, 1_000, 10_000), List.of(10, 50), List.of(0), List.of()),
            new Grid(WorkloadKind.CPU, List.of(1, 2, 4, 16, 100), List.of(0), List.of(100, 1_000, 10_000), List.of()),
            // CPU shares 0, 1, 10, 50, 90 and 100% of a 10 ms task (w + c = 10 ms), C* = (w + c) / c
            // for the loop at each share among the concurrencies
            new Grid(WorkloadKind.MIXED, List.of(1, 2, 4, 10, 11, 100, 200, 1_000, 10_000), List.of(10),
                    List.of(0, 100, 1_000), List.of()),
            new Grid(WorkloadKind.MIXED, List.of(1, 2, 4, 10, 100), List.of(5), List.of(5_000), List.of()),
            new Grid(WorkloadKind.MIXED, List.of(1, 2, 4, 10), List.of(1), List.of(9_000), List.of()),
            new Grid(WorkloadKind.CPU, List.of(1, 2, 4, 10), List.of(0), List.of(10_000), List.of()),
            new Grid(WorkloadKind.FANOUT, List.of(10, 100, 1_000), List.of(10), List.of(0), List.of(2, 8, 32)),
            new Grid(WorkloadKind.FANOUT, List.of(100), List.of(10), List.of(0), List.of(8), Map.of("failRate", "0.05")),
            new Grid(WorkloadKind.SHARED, List.of(100), List.of(0), List.of(10), List.of(2, 100, 10_000)),
            new Grid(WorkloadKind.NULL, List.of(1, 100, 10_000), List.of(0), List.of(0), List.of()),
            // http: the wait grows with C so the ideal stays within the delay server's ~20,000/s
            new Grid(WorkloadKind.HTTP, List.of(100), List.of(10, 50), List.of(0), List.of()),
            new Grid(WorkloadKind.HTTP, List.of(1_000), List.of(50, 100), List.of(0), List.of()),
            new Grid(WorkloadKind.HTTP, List.of(10_000), List.of(500), List.of(0), List.of()),
            new Grid(WorkloadKind.FILE, List.of(1, 16, 100), List.of(0), List.of(0), List.of())), List.of(
            new OpenGrid(WorkloadKind.SLEEP, 1_000, 10, 0, List.of(10, 25, 50, 70, 80, 90, 95), 10_000),
            new OpenGrid(WorkloadKind.MIXED, 1_000, 10, 1_000, List.of(10, 25, 50, 70, 80, 90, 95), 10_000)), List.of(
            new FixedRate(WorkloadKind.SLEEP, 10, 0, 5_000, 10_000, FixedRate.LOOPS_AND_THREADS),
            new FixedRate(WorkloadKind.SLEEP, 50, 0, 20_000, 10_000, FixedRate.LOOPS_AND_THREADS),
            new FixedRate(WorkloadKind.MIXED, 10, 10, 1_000, 10_000, FixedRate.LOOP_AND_OFFLOAD, FixedRate.SPIKES),
            new FixedRate(WorkloadKind.MIXED, 10, 10, 2_000, 10_000, FixedRate.LOOP_AND_OFFLOAD, FixedRate.SPIKES)));

    /**
     * The settings the benchmark annotations pin (the {@link #QUICK} profile's), as compile-time
     * constants, so a plain {@code java -jar benchmarks.jar SleepBenchmark} never uses JMH's defaults.
     */
    public static final class Pinned {
        /** Independent forks per point: a point's interval comes from its fork means (the {@code run} command runs them as rounds). */
        public static final int FORKS = 3;
        public static final int WARMUP_ITERATIONS = 1;  // the load runs through it, already in steady state
        /**
         * The load runs 1 s before a fork's window opens: sleep 1 ms at C = 1 read 1–6% above its steady
         * rate 300–600 ms into the load (9 forks of 10) and 0–5% below it at 600–900 ms, steady from about 1 s; 6 forks with
         * 300 ms of warm-up spread by 2.6–4.7% (relative sd) and read threads-virtual 4% low, with 1 s by 0.4–1.6%.
         */
        public static final int WARMUP_MILLIS = 1_000;
        /** One measured iteration per fork: the fork mean is what a decision uses, and the forks are what vary. */
        public static final int MEASUREMENT_ITERATIONS = 1;
        public static final int MEASUREMENT_MILLIS = 300;
        public static final String HEAP = "1g";
        public static final String XMS = "-Xms" + HEAP;
        public static final String XMX = "-Xmx" + HEAP;
        /** JMH's limit on one iteration (and on the trial's drain): a model that hangs fails its point instead of the run. */
        public static final int TIMEOUT_SECONDS = 120;

        private Pinned() {
        }
    }

    /** Seconds a fork costs beyond its iterations: the JVM's start, JMH's, the model's, the trial's drain and check. */
    static final double OVERHEAD_SECONDS = 1.1;
    /** Seconds the capacity measurement of one open-loop grid point costs per model (start, warm-up, window, drain). */
    static final double CAPACITY_SECONDS = 2.5;
    /** A point whose C tasks take longer than this many measurement iterations to drain at the ideal rate is left out. */
    static final int DRAIN_ITERATIONS = 2;

    private final Settings settings;
    private final List<Grid> grids;
    private final List<OpenGrid> open;
    private final List<FixedRate> fixed;

    Profile(Settings settings, List<Grid> grids, List<OpenGrid> open, List<FixedRate> fixed) {
        this.settings = settings;
        this.grids = grids;
        this.open = open;
        this.fixed = fixed;
    }

    /**
     * {@return how many crossover brackets the sweep narrows after its rounds} (adaptive refinement:
     * each bracket's midpoint measured for the models at its ends): 12 in {@link #FULL}, none elsewhere
     */
    public int refinePoints() {
        return this == FULL ? 12 : 0;
    }

    /**
     * {@return how many more forks a point of an undecided winner-map cell may get after the rounds}
     * (quick and full {@value #QUICK_EXTRA_FORKS}, smoke none): the sweep adds them round by round while its
     * {@linkplain #sweepBudget() budget} lasts
     */
    public int extraForks() {
        return this == SMOKE ? 0 : QUICK_EXTRA_FORKS;
    }

    /** At most this many forks beyond the rounds (quick and full): 3 + 5 = 8, where a cell of near-tied models needs about 6–8. */
    static final int QUICK_EXTRA_FORKS = 5;

    /**
     * {@return the time after which the sweep adds no more extra forks}: quick {@value #QUICK_SWEEP_MINUTES}
     * minutes, so the README's main command (build, sweep, the Python reference, the footprint and the
     * report) stays under 15; empty for full and smoke (no limit; smoke adds none)
     */
    public Optional<Duration> sweepBudget() {
        return this == QUICK ? Optional.of(Duration.ofMinutes(QUICK_SWEEP_MINUTES)) : Optional.empty();
    }

    /**
     * {@return the models of {@code available} this profile runs}: every one, but quick leaves
     * {@value #QUICK_LEAVES_OUT_WORDS} to full, and {@code netty} (NIO) too where {@code netty-epoll}
     * is available. Each is a variant of a model quick runs (a new thread per task beside the pools;
     * worker processes with a loop each beside those that block; Netty's portable transport beside its
     * Linux one): their points cost about a third of quick's budget and decide no claim the others do
     * not, and quick spends that time on longer warm-ups and more forks where a cell is undecided.
     */
    public List<String> models(List<String> available) {
        if (this != QUICK) {
            return available;
        }
        boolean epoll = available.contains(NETTY_EPOLL);
        return available.stream().filter(m -> !QUICK_LEAVES_OUT.contains(m) && !(epoll && m.equals(NETTY_NIO))).toList();
    }

    /** The models quick leaves to full. */
    static final List<String> QUICK_LEAVES_OUT = List.of("threads-per-task", "processes-eventloop");
    static final String QUICK_LEAVES_OUT_WORDS = "threads-per-task and processes-eventloop";
    private static final String NETTY_NIO = "netty";
    private static final String NETTY_EPOLL = "netty-epoll";
    /** Quick's sweep budget in minutes, extra forks included. */
    static final int QUICK_SWEEP_MINUTES = 12;

    /** {@return the profile's open-loop points at one offered rate for every model} */
    public List<FixedRate> fixedRates() {
        return fixed;
    }

    /** {@return the profile's open-loop grids} */
    public List<OpenGrid> open() {
        return open;
    }

    /** {@return the profile's JMH settings} */
    public Settings settings() {
        return settings;
    }

    /** {@return the profile's grids, one per workload} */
    public List<Grid> grids() {
        return grids;
    }

    /** {@return the id used on the command line, e.g. {@code quick}} */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * {@return the points of this profile for {@code models} that {@code include} accepts, and those
     * left out on purpose}: workload by workload, each grid point for each model, leaving out grid
     * points absurd for every model on {@code cores} cores and fan-out points of models that
     * {@code fanoutRejection} rejects (its reason; empty when the model runs fan-out). Only
     * included points are planned or listed as left out, and only their models are asked.
     */
    public Plan plan(List<String> models, Predicate<Point> include, Function<String, Optional<String>> fanoutRejection,
                     int cores) {
        return plan(models, include, fanoutRejection, cores, model -> Integer.MAX_VALUE, model -> Integer.MAX_VALUE);
    }

    /**
     * {@return {@link #plan(List, Predicate, Function, int)}'s points, also leaving out each model's
     * points that it would take too long to drain at its own {@code parallelism}, and those above its
     * {@code sweepConcurrency} ({@link dev.crossover.core.ModelProvider#sweepConcurrency})}
     */
    public Plan plan(List<String> models, Predicate<Point> include, Function<String, Optional<String>> fanoutRejection,
                     int cores, java.util.function.ToIntFunction<String> parallelism,
                     java.util.function.ToIntFunction<String> sweepConcurrency) {
        return plan(models, include, (model, kind) -> kind == WorkloadKind.FANOUT ? fanoutRejection.apply(model)
                : Optional.empty(), cores, parallelism, sweepConcurrency);
    }

    /**
     * {@return {@link #plan(List, Predicate, Function, int, java.util.function.ToIntFunction,
     * java.util.function.ToIntFunction)}'s points, asking {@code rejection} whether a model runs a
     * workload of each grid's kind} (fan-out and file, the kinds some models refuse)
     */
    public Plan plan(List<String> models, Predicate<Point> include,
                     java.util.function.BiFunction<String, WorkloadKind, Optional<String>> rejection,
                     int cores, java.util.function.ToIntFunction<String> parallelism,
                     java.util.function.ToIntFunction<String> sweepConcurrency) {
        List<Point> points = new ArrayList<>();
        List<Exclusion> excluded = new ArrayList<>();
        Duration cap = settings.measurementTime().multipliedBy(DRAIN_ITERATIONS);
        for (Grid grid : grids) {
            for (Map<String, String> values : grid.values()) {
                double wave = idealWaveSeconds(values, cores);
                for (String model : models) {
                    Map<String, String> params = new TreeMap<>(values);
                    params.put("model", model);
                    Point point = new Point(Point.benchmarkOf(grid.kind()), params);
                    if (!include.test(point)) {
                        continue;
                    }
                    if (wave > cap.toNanos() / 1e9) {
                        excluded.add(new Exclusion(point, String.format(Locale.ROOT,
                                "%s tasks in flight take %.2f s to drain even at the ideal rate on %d cores "
                                        + "(expected: at most %.2f s, %d measurement iterations): every trial would drain "
                                        + "longer than it measures", values.get("concurrency"), wave, cores,
                                cap.toNanos() / 1e9, DRAIN_ITERATIONS)));
                        continue;
                    }
                    int c = Integer.parseInt(values.get("concurrency"));
                    if (c > sweepConcurrency.applyAsInt(model)) {
                        excluded.add(new Exclusion(point, model + " is given at most " + sweepConcurrency.applyAsInt(model)
                                + " tasks in flight per point (its set-up of " + c + " takes longer than a point's budget: "
                                + "see the model's sweepConcurrency); the full profile's points above are its own runs"));
                        continue;
                    }
                    double own = drainSeconds(values, cores, parallelism.applyAsInt(model));
                    if (own > cap.toNanos() / 1e9) {
                        excluded.add(new Exclusion(point, String.format(Locale.ROOT,
                                "%s runs at most %d tasks at once: its %s tasks in flight take %.2f s to drain "
                                        + "(expected: at most %.2f s, %d measurement iterations); it loses this point by "
                                        + "construction, at its own limit", model, parallelism.applyAsInt(model),
                                values.get("concurrency"), own, cap.toNanos() / 1e9, DRAIN_ITERATIONS)));
                        continue;
                    }
                    Optional<String> rejected = grid.kind() == WorkloadKind.FANOUT || grid.kind() == WorkloadKind.FILE
                            ? rejection.apply(model, grid.kind()) : Optional.empty();
                    if (rejected.isPresent()) {
                        excluded.add(new Exclusion(point, model + " runs no " + (grid.kind() == WorkloadKind.FANOUT
                                ? "fan-out" : grid.kind().id()) + " workload: " + rejected.get()));
                    } else {
                        points.add(point);
                    }
                }
            }
        }
        for (OpenGrid grid : open) {
            for (int load : grid.loads()) {
                for (String model : models) {
                    Point point = new Point(OpenLoopBenchmark.class.getName() + ".run", grid.params(model, load));
                    if (include.test(point)) {
                        points.add(point);
                    }
                }
            }
        }
        for (FixedRate grid : fixed) {
            for (String model : models) {
                if (!grid.models().isEmpty() && !grid.models().contains(model)) {
                    continue;
                }
                Point point = new Point(OpenLoopBenchmark.class.getName() + ".run", grid.params(model));
                if (include.test(point)) {
                    points.add(point);
                }
            }
        }
        return new Plan(points, excluded);
    }

    /** {@return {@link #plan}'s points on this machine, asking {@code runsFanout} which models run fan-out} */
    public List<Point> points(List<String> models, Predicate<Point> include, Predicate<String> runsFanout) {
        return plan(models, include, m -> runsFanout.test(m) ? Optional.empty() : Optional.of("rejected"),
                Runtime.getRuntime().availableProcessors()).points();
    }

    /**
     * {@return how long C tasks take to drain for a model that runs at most {@code parallelism} at
     * once}: {@code C / min(ideal, parallelism / (io + cpu))}; 0 without waits or work
     */
    static double drainSeconds(Map<String, String> values, int cores, int parallelism) {
        double c = Integer.parseInt(values.get("concurrency"));
        double io = Integer.parseInt(values.get("ioMillis")) / 1e3;
        double cpu = Integer.parseInt(values.get("cpuMicros")) / 1e6;
        if (io + cpu == 0 || parallelism >= c) {
            return idealWaveSeconds(values, cores);
        }
        double ideal = cpu == 0 ? c / io : Math.min(c / (io + cpu), cores / cpu);
        return c / Math.min(ideal, parallelism / (io + cpu));
    }

    /**
     * {@return how long one wave of C tasks takes at the ideal rate}: {@code C / ideal}, with
     * {@code ideal = min(C / (io + cpu), cores / cpu)} ({@code C / io} without CPU work)
     */
    static double idealWaveSeconds(Map<String, String> values, int cores) {
        double c = Integer.parseInt(values.get("concurrency"));
        double io = Integer.parseInt(values.get("ioMillis")) / 1e3;
        double cpu = Integer.parseInt(values.get("cpuMicros")) / 1e6;
        if (io + cpu == 0) {
            return 0;
        }
        double ideal = cpu == 0 ? c / io : Math.min(c / (io + cpu), cores / cpu);
        return c / ideal;
    }

    /**
     * What a profile runs and what it leaves out on purpose.
     *
     * @param points   the points to run, in order
     * @param excluded the points left out, each with its reason
     */
    public record Plan(List<Point> points, List<Exclusion> excluded) {
        public Plan {
            points = List.copyOf(points);
            excluded = List.copyOf(excluded);
        }

        /** {@return how many open-loop capacities the run measures: one per model and open-loop grid point} */
        public int capacities() {
            return capacities(points);
        }

        /** {@return how many open-loop capacities {@code points} need} */
        public static int capacities(List<Point> points) {
            return (int) points.stream().filter(p -> p.benchmark().equals(OpenLoopBenchmark.class.getName() + ".run")
                            && OpenGrid.RATE_TO_MEASURE.equals(p.params().get("rate")))
                    .map(p -> p.params().get("model") + "@" + p.params().get("workload") + "," + p.params().get("ioMillis")
                            + "," + p.params().get("cpuMicros") + "," + p.params().get("concurrency"))
                    .distinct().count();
        }
    }

    /**
     * A point left out on purpose.
     *
     * @param point  the point
     * @param reason why, in one sentence
     */
    public record Exclusion(Point point, String reason) {
    }

    /** {@return about how long {@code points} points take with these settings}: every fork's iterations and overhead */
    public Duration estimate(int points) {
        double perPoint = settings.forks() * ((settings.warmupIterations() * settings.warmupTime().toMillis()
                + settings.measurementIterations() * settings.measurementTime().toMillis()) / 1e3 + OVERHEAD_SECONDS);
        return Duration.ofMillis(Math.round(points * perPoint * 1e3));
    }

    /**
     * {@return the warm-up of one fork of {@code benchmark}}: the profile's, but in quick at least
     * {@value #REAL_IO_WARMUP_MILLIS} ms for {@code http}, where the client under test is JIT-cold (at
     * 1,000 connections and 50 ms, eventloop read 14,037/s of an ideal 20,000 after 300 ms of warm-up,
     * 17,410/s after 1 s and 20,744/s after 3 s), and {@value #CPU_WARMUP_MILLIS} ms for {@code cpu},
     * whose forks spread as much after 1 s of warm-up as after 300 ms (6 forks at C = 2: 4.5% and 3.7%
     * against 5.5% and 3.8%), so the time goes to more forks instead
     */
    public Duration warmupTime(String benchmark) {
        Duration own = settings.warmupTime();
        if (this == QUICK && benchmark.equals(Point.benchmarkOf(WorkloadKind.HTTP))) {
            Duration io = Duration.ofMillis(REAL_IO_WARMUP_MILLIS);
            return own.compareTo(io) >= 0 ? own : io;
        }
        if (this == QUICK && benchmark.equals(Point.benchmarkOf(WorkloadKind.CPU))) {
            return Duration.ofMillis(CPU_WARMUP_MILLIS);
        }
        return own;
    }

    static final int REAL_IO_WARMUP_MILLIS = 1_500;
    static final int CPU_WARMUP_MILLIS = 300;

    /**
     * {@return the measured time of one fork of {@code point}}: the profile's, but at least
     * {@value #WINDOW_TASK_TIMES} task times (wait plus CPU work), so a window holds several
     * completions of every chain: a window shorter than one task time counts where the chains'
     * phases happen to fall (http at 500 ms read 18,551 to 24,642 tasks/s of an ideal 20,000 in
     * 300 ms windows); at least {@value #WINDOW_CHAIN_TASKS} / √C task times, so the ±1 task a chain
     * may finish more or less in a window is under 1% of the count (sd about 0.29 / (k √C) for k task
     * times): mixed 10 ms + 20 ms at C = 2 finished about 20 tasks in 300 ms, and processes read 65 and
     * 71 tasks/s in alternate forks of an ideal 66.7; and in quick at least {@value #FILE_WINDOW_MILLIS}
     * ms for {@code file}, whose fsyncs make 100 ms windows of one fork differ by 20–40%, so the window
     * itself is what varies
     */
    public Duration measurementTime(Point point) {
        Map<String, String> params = point.params();
        Duration own = settings.measurementTime();
        if (this == QUICK && point.benchmark().equals(Point.benchmarkOf(WorkloadKind.FILE))
                && own.toMillis() < FILE_WINDOW_MILLIS) {
            own = Duration.ofMillis(FILE_WINDOW_MILLIS);
        }
        long taskMillis = Long.parseLong(params.getOrDefault("ioMillis", "0"))
                + Long.parseLong(params.getOrDefault("cpuMicros", "0")) / 1_000;
        int concurrency = Integer.parseInt(params.getOrDefault("concurrency", "1"));
        double taskTimes = Math.max(WINDOW_TASK_TIMES, WINDOW_CHAIN_TASKS / Math.sqrt(Math.max(1, concurrency)));
        Duration floor = Duration.ofMillis((long) Math.ceil(taskTimes * taskMillis));
        return own.compareTo(floor) >= 0 ? own : floor;
    }

    static final int WINDOW_TASK_TIMES = 2;
    static final int WINDOW_CHAIN_TASKS = 30;
    static final int FILE_WINDOW_MILLIS = 1_000;

    /** {@return about how long {@code points} take: {@link #estimate(int, int)} plus their longer warm-ups} */
    public Duration estimate(List<Point> points) {
        Duration base = estimate(points.size(), Plan.capacities(points));
        long extraMillis = 0;
        for (Point p : points) {
            extraMillis += settings.forks() * settings.warmupIterations()
                    * (warmupTime(p.benchmark()).toMillis() - settings.warmupTime().toMillis());
            extraMillis += settings.forks() * settings.measurementIterations()
                    * (measurementTime(p).toMillis() - settings.measurementTime().toMillis());
        }
        return base.plusMillis(extraMillis);
    }

    /** {@return about how long {@code points} points take, {@code capacities} of them open-loop capacity measurements} */
    public Duration estimate(int points, int capacities) {
        return estimate(points).plusMillis(Math.round(capacities * CAPACITY_SECONDS * 1e3));
    }

    /**
     * One open-loop grid: a workload point, offered at several shares of each model's closed-loop
     * capacity there. The {@code run} command measures that capacity first (outside JMH, in its own
     * JVM, through the same driver: a closed loop of {@code capacityConcurrency} in flight, a
     * warm-up, a one-second window) and then runs {@link OpenLoopBenchmark} with
     * {@code rate = load% × capacity}; the planned points carry {@value #RATE_TO_MEASURE} as their
     * rate until then.
     *
     * @param kind                sleep or mixed
     * @param capacityConcurrency C of the capacity measurement
     * @param ioMillis            each task's wait
     * @param cpuMicros           each task's CPU work
     * @param loads               shares of the capacity to offer, in percent
     * @param maxInFlight         the open loop's cap on tasks in flight
     */
    public record OpenGrid(WorkloadKind kind, int capacityConcurrency, int ioMillis, int cpuMicros, List<Integer> loads,
                           int maxInFlight) {
        /** The {@code rate} param of a planned open-loop point whose capacity is not measured yet. */
        public static final String RATE_TO_MEASURE = "0";

        public OpenGrid {
            loads = List.copyOf(loads);
        }

        Map<String, String> params(String model, int load) {
            Map<String, String> p = new TreeMap<>();
            p.put("model", model);
            p.put("workload", kind.id());
            p.put("ioMillis", Integer.toString(ioMillis));
            p.put("cpuMicros", Integer.toString(cpuMicros));
            p.put("load", Integer.toString(load));
            p.put("maxInFlight", Integer.toString(maxInFlight));
            p.put("concurrency", Integer.toString(capacityConcurrency));
            p.put("rate", RATE_TO_MEASURE);
            return p;
        }
    }

    /**
     * An open-loop point offered at one rate to every model it names (all when none): what the
     * claims on CPU per task and on latency from intended start compare, model against model at
     * the same load. Its {@code load} param is {@value #LOAD_LABEL}: no share of a capacity.
     *
     * @param kind        sleep or mixed
     * @param ioMillis    each task's wait
     * @param cpuMicros   each task's CPU work
     * @param rate        arrivals per second
     * @param maxInFlight the open loop's cap on tasks in flight
     * @param models      the models to run it (empty: every model)
     * @param cpuDist     how each task's CPU work varies ({@code fixed}, or {@code spike:P%:D} for a few blocking tasks)
     */
    public record FixedRate(WorkloadKind kind, int ioMillis, int cpuMicros, int rate, int maxInFlight,
                            List<String> models, String cpuDist) {
        /** The {@code load} param of a fixed-rate point. */
        public static final String LOAD_LABEL = "0";
        /** The loops and the thread pools that take waits one thread each, as the claims compare them. */
        public static final List<String> LOOPS_AND_THREADS = List.of("eventloop", "eventloop-offload", "netty",
                "netty-epoll", "threads-virtual", "threads-fixed");
        /** The loop that runs CPU work on its thread and the one that hands it to a pool: the blocking-call claim. */
        public static final List<String> LOOP_AND_OFFLOAD = List.of("eventloop", "eventloop-offload");
        /** Half a percent of tasks compute 20 ms instead of their nominal CPU work ({@code spike:0.5%:20ms}, spelt for a file name). */
        public static final String SPIKES = "spike_0.5pct_20ms";

        public FixedRate {
            models = List.copyOf(models);
        }

        /** A point whose tasks' CPU work does not vary. */
        public FixedRate(WorkloadKind kind, int ioMillis, int cpuMicros, int rate, int maxInFlight, List<String> models) {
            this(kind, ioMillis, cpuMicros, rate, maxInFlight, models, "fixed");
        }

        Map<String, String> params(String model) {
            Map<String, String> p = new TreeMap<>();
            p.put("model", model);
            p.put("workload", kind.id());
            p.put("ioMillis", Integer.toString(ioMillis));
            p.put("cpuMicros", Integer.toString(cpuMicros));
            p.put("load", LOAD_LABEL);
            p.put("maxInFlight", Integer.toString(maxInFlight));
            p.put("concurrency", Integer.toString(maxInFlight));
            p.put("rate", Integer.toString(rate));
            p.put("cpuDist", cpuDist);
            return p;
        }
    }

    /**
     * A profile's JMH settings.
     *
     * @param forks                 forked JVMs per point, run as rounds by the {@code run} command
     * @param warmupIterations      unmeasured iterations per fork
     * @param warmupTime            each warm-up iteration's time
     * @param measurementIterations measured iterations per fork
     * @param measurementTime       each measured iteration's time
     * @param heap                  the forked JVM's heap, as {@code -Xms}/{@code -Xmx} take it
     */
    public record Settings(int forks, int warmupIterations, Duration warmupTime, int measurementIterations,
                           Duration measurementTime, String heap) {
    }

    /**
     * One workload's parameter grid; the points are every combination.
     *
     * @param kind        the workload, which names the benchmark
     * @param concurrency values of {@code concurrency}
     * @param ioMillis    values of {@code ioMillis}
     * @param cpuMicros   values of {@code cpuMicros}
     * @param fanout      values of {@code fanout} (fan-out), or of {@code accounts} (shared); empty otherwise
     * @param extra       params every point of the grid gets as they are (such as {@code failRate})
     */
    public record Grid(WorkloadKind kind, List<Integer> concurrency, List<Integer> ioMillis, List<Integer> cpuMicros,
                       List<Integer> fanout, Map<String, String> extra) {
        public Grid {
            extra = Map.copyOf(extra);
        }

        /** A grid without extra params. */
        public Grid(WorkloadKind kind, List<Integer> concurrency, List<Integer> ioMillis, List<Integer> cpuMicros,
                    List<Integer> fanout) {
            this(kind, concurrency, ioMillis, cpuMicros, fanout, Map.of());
        }

        /** {@return every combination of the values, without the model} */
        List<Map<String, String>> values() {
            List<Map<String, String>> all = new ArrayList<>();
            List<Integer> fanouts = fanout.isEmpty() ? java.util.Collections.singletonList(null) : fanout;
            for (int c : concurrency) {
                for (int io : ioMillis) {
                    for (int cpu : cpuMicros) {
                        for (Integer k : fanouts) {
                            Map<String, String> v = new TreeMap<>();
                            v.put("concurrency", Integer.toString(c));
                            v.put("ioMillis", Integer.toString(io));
                            v.put("cpuMicros", Integer.toString(cpu));
                            if (k != null) {
                                v.put(kind == WorkloadKind.SHARED ? "accounts" : "fanout", Integer.toString(k));
                            }
                            v.putAll(extra);
                            all.add(v);
                        }
                    }
                }
            }
            return all;
        }
    }

    /**
     * One benchmark run with one parameter set: what the {@code run} command hands to one JMH run.
     *
     * @param benchmark the full JMH benchmark name, e.g. {@code dev.crossover.benchmarks.SleepBenchmark.run}
     * @param params    every param, sorted by key
     */
    public record Point(String benchmark, Map<String, String> params) {
        public Point {
            params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
        }

        /** {@return the JMH benchmark that runs {@code kind}} */
        static String benchmarkOf(WorkloadKind kind) {
            Class<?> type = switch (kind) {
                case SLEEP -> SleepBenchmark.class;
                case CPU -> CpuBenchmark.class;
                case MIXED -> MixedBenchmark.class;
                case FANOUT -> FanoutBenchmark.class;
                case NULL -> NullBenchmark.class;
                case SHARED -> SharedBenchmark.class;
                case HTTP -> HttpBenchmark.class;
                case FILE -> FileBenchmark.class;
            };
            return type.getName() + ".run";
        }

        /** {@return the point's id, {@code benchmark@k1=v1,k2=v2}: its latency log's name without extension} */
        public String id() {
            return LatencyLog.baseName(benchmark, params);
        }

        /** {@return the benchmark's short name and params, for progress lines} */
        public String label() {
            String simple = benchmark.substring(benchmark.lastIndexOf('.', benchmark.length() - 5) + 1);
            StringBuilder s = new StringBuilder(simple);
            params.forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
            return s.toString();
        }
    }
}
