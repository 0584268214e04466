package dev.crossover.benchmarks.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crossover.benchmarks.HttpBenchmark;
import dev.crossover.benchmarks.JvmFlags;
import dev.crossover.benchmarks.LatencyLog;
import dev.crossover.benchmarks.Profile;
import dev.crossover.benchmarks.OpenLoopBenchmark;
import dev.crossover.benchmarks.PointSummary;
import dev.crossover.benchmarks.Profile.Exclusion;
import dev.crossover.benchmarks.Profile.Point;
import dev.crossover.benchmarks.WorkloadBenchmark;
import dev.crossover.core.Kernel;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs a profile's points one JMH run each, keeping the results of every finished point.
 *
 * <h2>Files</h2>
 * {@code results.json} (JMH's own JSON writer) is rewritten after each point, so it always holds
 * every point finished so far; {@code failures.json} ({@link Failures}) likewise holds the points
 * left out on purpose from the start and every point that failed so far; {@code latency/*.hlog}
 * and {@code points/*.json} ({@link PointSummary}) are written by the forked JVMs;
 * {@code environment.json} is written at the start and rewritten when the sweep ends.
 *
 * <h2>Other load</h2>
 * {@link OtherLoad} is sampled when the sweep starts and ends and around each point's JMH run (its
 * forks' start-up included): what other processes took of the CPU goes into {@code environment.json}
 * for the run and into the point's {@code points/*.json} ({@code otherCpuCores},
 * {@code stealCpuCores}, {@code ownCpuCores}, {@code busy}), and a point where they took more than
 * the busy threshold gets a progress line that says so.
 *
 * <h2>Forks, as rounds</h2>
 * The profile's {@code forks} are R <em>rounds</em>: every round runs every point once, in one
 * JMH fork, in an order shuffled from the run's seed (a different order each round), so the models
 * interleave in time and a slow spell of the machine does not land on one model's points. A point's
 * forks are merged into one standard JMH entry ({@link ForkMerge}: {@code forks} = R, a
 * {@code rawData} row per fork), which is what a report's intervals over fork means need. Each
 * fork gets, as system properties, the latency and summary directories and the kernel's
 * calibration from this JVM, so every model computes the same kernel units at a point. A point
 * that fails in one round is not run again, and its earlier forks are dropped with it; so is a point
 * one of whose forks took longer than {@value #SLOW_FORK_SECONDS} s (it would take the run's budget
 * several times over), listed as left out with the time it took.
 *
 * <h2>Interruption</h2>
 * One JMH run per point and round is what lets Ctrl-C keep the finished forks: JMH itself writes its JSON
 * only when a run ends. A shutdown hook stops every process this JVM started (JMH's forks and
 * their worker processes, collected before any is stopped so orphans are not missed) and marks
 * {@code environment.json} interrupted.
 *
 * <h2>Threading</h2>
 * {@link #run()} is called once, on one thread; the shutdown hook only reads volatile state.
 */
final class Sweep {
    private static final ObjectMapper POINT_JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** A point one of whose forks took longer than this is left out of the later rounds, its forks dropped. */
    static final int SLOW_FORK_SECONDS = 20;
    private final Profile profile;
    private final List<Point> points;
    private final List<Exclusion> excluded;
    private final Path out;
    private final PrintStream progress;
    private final Kernel.Calibration calibration;
    private final double busyThreshold;
    private final java.util.Map<String, List<RunResult>> forks = new java.util.LinkedHashMap<>();
    /** Each planned point's forks' wall time so far, in seconds: the extra rounds spend the budget on the cheapest first. */
    private final java.util.Map<String, List<Double>> forkSeconds = new java.util.HashMap<>();
    /** The planned points and any a refinement added, in order: what {@code results.json} lists. */
    private final List<Point> allPoints = new ArrayList<>();
    private final long seed;
    /** The forks' shared class-data archive, in a temporary directory of its own, removed when the sweep ends. */
    private Path classArchive;
    /** The delay server every http fork of the sweep uses (its own JVM, warm after the first forks); null without http points. */
    private dev.crossover.server.DelayServerProcess delayServer;
    private final Failures failures;
    private final Capacity capacity;
    private volatile Environment environment;
    private volatile Optional<OtherLoad.Sample> runStart = Optional.empty();
    private volatile int finished;
    private volatile boolean done;
    private volatile boolean stopping;

    Sweep(Profile profile, Profile.Plan plan, Path out, PrintStream progress, Kernel.Calibration calibration,
          double busyThreshold) {
        this(profile, plan, out, progress, calibration, busyThreshold, 1);
    }

    Sweep(Profile profile, Profile.Plan plan, Path out, PrintStream progress, Kernel.Calibration calibration,
          double busyThreshold, long seed) {
        this.seed = seed;
        this.profile = profile;
        this.points = plan.points();
        this.allPoints.addAll(points);
        this.excluded = plan.excluded();
        this.out = out;
        this.progress = progress;
        this.calibration = calibration;
        this.busyThreshold = OtherLoad.threshold(busyThreshold);
        this.failures = new Failures(failuresFile());
        this.capacity = new Capacity(calibration);
    }

    /** {@return the file listing failed and excluded points} */
    Path failuresFile() {
        return out.resolve("failures.json");
    }

    /** {@return the directory of the per-point summaries the forked JVMs write} */
    Path pointsDir() {
        return out.resolve("points");
    }

    /** {@return the results file} */
    Path resultsFile() {
        return out.resolve("results.json");
    }

    /** {@return the latency directory the forked JVMs write to} */
    Path latencyDir() {
        return out.resolve("latency");
    }

    /**
     * Runs every point, reporting progress, and writes the files.
     *
     * @return the points that failed (a benchmark exception, such as a failed work check), and
     *         whether the run was interrupted
     * @throws IOException if a file cannot be written
     */
    Outcome run() throws IOException {
        Files.createDirectories(latencyDir());
        Files.createDirectories(pointsDir());
        // This run's files replace any left by an earlier run into the same folder: results.json
        // will hold this run's points only, so an earlier run's latency logs and summaries would be orphans.
        deleteAll(latencyDir(), LatencyLog.EXTENSION);
        deleteAll(pointsDir(), PointSummary.EXTENSION);
        environment = Environment.capture(profile.id(), calibration, busyThreshold, profile.settings().forks(), seed);
        environment.write(out.resolve("environment.json"));
        writeResults();
        for (Exclusion e : excluded) {
            failures.add(new Failures.Entry(e.point(), Failures.Status.EXCLUDED, e.reason()));
        }
        failures.write();
        Thread hook = new Thread(this::interrupted, "crossover-run-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        List<Point> failed = new ArrayList<>();
        Optional<OtherLoad.Figures> runLoad;
        runStart = OtherLoad.sample(ProcessHandle.current());
        long start = System.nanoTime();
        try {
            // inside the try: whatever fails after them, the finally below stops the server and removes the archive
            if (allPoints.stream().anyMatch(p -> p.benchmark().equals(HttpBenchmark.class.getName() + ".run"))) {
                delayServer = dev.crossover.server.DelayServerProcess.start();
                long warmed = delayServer.warm(RealIoSetup.SERVER_WARM_UP, RealIoSetup.SERVER_WARM_UP_CONNECTIONS);
                progress.printf("delay server: %s, one JVM of its own for every http fork of the sweep, warmed with %,d "
                        + "requests%n", dev.crossover.server.HostPort.format(delayServer.address()), warmed);
            }
            if (archivable(System.getProperty("java.class.path", ""))) {
                classArchive = Files.createTempDirectory("crossover-forks-").resolve("classes.jsa");
            }
            java.util.Set<String> broken = new java.util.HashSet<>();
            runAll(order(points, profile.settings().forks(), seed), points.size(), broken, failed, start);
            if (!stopping && profile.refinePoints() > 0) {
                List<Point> extra = refinements(profile.refinePoints());
                if (!extra.isEmpty()) {
                    progress.printf("refining the crossovers: %d points at the midpoints of their brackets%n", extra.size());
                    allPoints.addAll(extra);
                    runAll(order(extra, profile.settings().forks(), seed + 1), extra.size(), broken, failed, System.nanoTime());
                }
            }
            if (!stopping) {
                extraRounds(broken, failed, start);
            }
            if (stopping) {
                return new Outcome(failed, true, Optional.empty());
            }
            done = true;
            runLoad = runLoad();
            environment = environment.ended(false, runLoad.orElse(null));
            environment.write(out.resolve("environment.json"));
        } finally {
            done = true;
            deleteClassArchive();
            if (delayServer != null) {
                delayServer.close();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it owns the end of the run
            }
        }
        return new Outcome(failed, false, runLoad);
    }

    /** Runs {@code order}'s forks, one JMH run each, skipping the points in {@code broken} and adding those that fail. */
    private void runAll(List<Run> order, int distinct, java.util.Set<String> broken, List<Point> failed, long start)
            throws IOException {
        for (int i = 0; i < order.size() && !stopping; i++) {
            Run run = order.get(i);
            if (broken.contains(run.point().id())) {
                finished = i + 1;
                continue;
            }
            String round = order.size() > distinct
                    ? " (round " + (run.round() + 1) + " of " + profile.settings().forks() + ")" : "";
            Point point;
            try {
                point = withRate(run.point());
            } catch (RuntimeException e) {
                Point planned = run.point();
                broken.add(planned.id());
                failed.add(planned);
                String why = "capacity measurement failed: " + message(e);
                failures.add(new Failures.Entry(planned, Failures.Status.FAILED, why));
                progress.printf("[%d/%d] FAILED: %s: %s%n", i + 1, order.size(), planned.label(), why);
                finished = i + 1;
                continue;
            }
            progress.printf("[%d/%d] %s elapsed, %s left%s: %s%n", i + 1, order.size(),
                    format(Duration.ofNanos(System.nanoTime() - start)), format(left(i, start, order.size())), round,
                    point.label());
            progress.flush();
            PointRun r;
            Optional<OtherLoad.Sample> before = OtherLoad.sample(ProcessHandle.current());
            long forkStart = System.nanoTime();
            try {
                r = runPoint(point);
            } catch (RuntimeException e) {
                if (stopping) {
                    break;  // JMH refuses to start a fork while the JVM shuts down
                }
                throw e;
            }
            if (stopping) {
                break;  // the hook killed this point's fork: it did not fail, it was stopped
            }
            Optional<OtherLoad.Figures> load = OtherLoad.between(before, OtherLoad.sample(ProcessHandle.current()));
            double took = (System.nanoTime() - forkStart) / 1e9;
            forkSeconds.computeIfAbsent(run.point().id(), k -> new ArrayList<>()).add(took);
            if (!r.results().isEmpty() && order.size() > distinct && took > SLOW_FORK_SECONDS) {
                // a fork this slow (a model's set-up of C tasks, say) would take the profile's budget several
                // times over in the later rounds: the point is left out, its forks dropped, and the reason kept
                broken.add(run.point().id());
                forks.remove(run.point().id());
                String why = String.format(java.util.Locale.ROOT, "one fork took %.0f s (expected: at most %d s per "
                        + "fork in a sweep of rounds): left out of this run, its forks dropped", took, SLOW_FORK_SECONDS);
                failures.add(new Failures.Entry(point, Failures.Status.EXCLUDED, why));
                progress.printf("        left out: %s%n", why);
                writeResults();
                finished = i + 1;
                continue;
            }
            if (r.results().isEmpty()) {
                broken.add(run.point().id());
                failed.add(point);
                forks.remove(run.point().id());
                failures.add(new Failures.Entry(point, Failures.Status.FAILED, r.error()));
                progress.printf("        FAILED: %s: %s%n", point.label(), r.error());
                writeResults();
            } else {
                forks.computeIfAbsent(run.point().id(), k -> new ArrayList<>()).addAll(r.results());
                describe(r.results());
                if (environment.forkedJdkVersion() == null) {
                    environment = environment.withForkedJdk(
                            r.results().iterator().next().getParams().getJdkVersion());
                }
                writeResults();
            }
            if (load.isPresent()) {
                recordLoad(point, load.get());
            }
            finished = i + 1;
        }
    }

    /**
     * {@return true if a class-data archive can hold {@code classPath}'s classes}: the JVM archives
     * classes from jar files only (the jar the {@code run} command runs from); a directory on the
     * class path (tests, an IDE) makes the dump fail, so those forks start without one
     */
    static boolean archivable(String classPath) {
        if (classPath.isBlank()) {
            return false;
        }
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty() && !Files.isRegularFile(Path.of(entry))) {
                return false;
            }
        }
        return true;
    }

    /** Removes the forks' class-data archive and its directory (best effort: a temporary file). */
    private void deleteClassArchive() {
        if (classArchive == null) {
            return;
        }
        try {
            Files.deleteIfExists(classArchive);
            Files.deleteIfExists(classArchive.getParent());
        } catch (IOException e) {
            progress.printf("crossover run: could not remove %s: %s%n", classArchive.getParent(), e.getMessage());
        }
    }

    /**
     * Gives the points of undecided cells more forks: up to {@link Profile#extraForks()} more rounds,
     * each over the leader and the open models of every cell the forks so far left inconclusive
     * ({@link dev.crossover.reports.Reports#undecided}), the cells cheapest to decide first: the forks
     * each of its points still lacks at the cell's measured ratios and spreads (more than
     * {@link dev.crossover.reports.crossover.Cell#REACH} when a gap is about the margin itself) times
     * that point's mean fork time so far, ties in an order shuffled from the seed. As many points as
     * fit in what is left of the profile's {@linkplain Profile#sweepBudget() budget} take a fork: a
     * budget that cannot give every open point one decides as many cells as it can (an http fork costs
     * about three of a cpu fork), and a cell out of reach gets what is left. A cell the forks decide
     * drops out of the next round. The decision is still the margin rule over all of a point's forks:
     * more forks narrow an interval, they do not move the rule.
     */
    private void extraRounds(java.util.Set<String> broken, List<Point> failed, long start) throws IOException {
        java.util.Map<String, Point> planned = new java.util.HashMap<>();
        allPoints.forEach(p -> planned.put(p.id(), p));
        for (int extra = 0; extra < profile.extraForks() && !stopping; extra++) {
            List<Point> open = new ArrayList<>();
            java.util.Map<String, Integer> needs = new java.util.HashMap<>();
            for (dev.crossover.reports.Reports.Undecided u : dev.crossover.reports.Reports.undecided(resultsFile(),
                    dev.crossover.reports.crossover.Decision.DEFAULT_MARGIN)) {
                Point p = planned.get(new Point(u.benchmark(), u.params()).id());
                if (p != null && !broken.contains(p.id()) && forks.containsKey(p.id()) && !open.contains(p)) {
                    open.add(p);
                    needs.put(p.id(), u.forksToDecide() < 0 ? dev.crossover.reports.crossover.Cell.REACH + 1 : u.forksToDecide());
                }
            }
            if (open.isEmpty()) {
                return;
            }
            java.util.Map<String, Double> cellCost = cellCosts(open, p -> needs.get(p.id()) - forks.get(p.id()).size(),
                    this::meanForkSeconds);
            double left = profile.sweepBudget().map(b -> b.toNanos() / 1e9).orElse(Double.MAX_VALUE)
                    - (System.nanoTime() - start) / 1e9;
            List<Run> order = cheapestFirst(order(open, 1, seed + 2 + extra), p -> cellCost.get(cellOf(p)));
            int fits = fits(order, this::meanForkSeconds, left);
            if (fits <= 0) {
                progress.printf("undecided cells: %s take another fork; the profile's budget of %s is spent%n",
                        open.size() == 1 ? "1 point would" : open.size() + " points would", format(profile.sweepBudget().orElseThrow()));
                return;
            }
            progress.printf("undecided cells: %s one more fork, the cells cheapest to decide first (%d of %d extra "
                            + "rounds)%s%n", fits == 1 ? "1 point gets" : fits + " points get", extra + 1, profile.extraForks(),
                    fits < open.size() ? "; " + (open.size() - fits)
                            + " left as they are: the profile's budget of " + format(profile.sweepBudget().orElseThrow())
                            + " is spent" : "");
            runAll(order.subList(0, fits), fits, broken, failed, System.nanoTime());
        }
    }

    /**
     * {@return what deciding each cell of {@code open} would cost, by {@link #cellOf}}: over its points, the
     * forks each still lacks (at least one: it is open) times its fork's {@code seconds}
     */
    static java.util.Map<String, Double> cellCosts(List<Point> open, java.util.function.ToIntFunction<Point> lacking,
                                                   java.util.function.ToDoubleFunction<Point> seconds) {
        java.util.Map<String, Double> cost = new java.util.HashMap<>();
        for (Point p : open) {
            cost.merge(cellOf(p), Math.max(1, lacking.applyAsInt(p)) * seconds.applyAsDouble(p), Double::sum);
        }
        return cost;
    }

    /** {@return the cell {@code point} belongs to: its benchmark and params but the model} */
    static String cellOf(Point point) {
        java.util.Map<String, String> params = new java.util.TreeMap<>(point.params());
        params.remove("model");
        return point.benchmark() + params;
    }

    /** {@return {@code runs} sorted by {@code seconds} of their points, ascending; equal ones keep their order} */
    static List<Run> cheapestFirst(List<Run> runs, java.util.function.ToDoubleFunction<Point> seconds) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(java.util.Comparator.comparingDouble(r -> seconds.applyAsDouble(r.point())));
        return sorted;
    }

    /** {@return how many of {@code runs}, from the first, take at most {@code left} seconds together} */
    static int fits(List<Run> runs, java.util.function.ToDoubleFunction<Point> seconds, double left) {
        int n = 0;
        double spent = 0;
        while (n < runs.size()) {
            spent += seconds.applyAsDouble(runs.get(n).point());
            if (spent > left) {
                break;
            }
            n++;
        }
        return n;
    }

    /** {@return the mean wall time of {@code point}'s forks so far}, 0 when it has none */
    private double meanForkSeconds(Point point) {
        return forkSeconds.getOrDefault(point.id(), List.of()).stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /**
     * {@return the points that narrow this run's crossovers}: for each bracket where the lead changes
     * between neighbouring concurrencies with both cells decided ({@link dev.crossover.reports.Reports#brackets}),
     * its midpoint for every model measured at either end, at most {@code limit} brackets, none already planned
     */
    private List<Point> refinements(int limit) {
        List<Point> extra = new ArrayList<>();
        java.util.Set<String> known = new java.util.HashSet<>();
        allPoints.forEach(p -> known.add(p.id()));
        int brackets = 0;
        for (dev.crossover.reports.Reports.Bracket b : dev.crossover.reports.Reports.brackets(resultsFile(),
                dev.crossover.reports.crossover.Decision.DEFAULT_MARGIN)) {
            if (brackets == limit) {
                break;
            }
            boolean added = false;
            for (String model : b.models()) {
                java.util.Map<String, String> params = new java.util.TreeMap<>(b.params());
                params.put("model", model);
                params.put("concurrency", Integer.toString(b.midpoint()));
                Point p = new Point(b.benchmark(), params);
                if (known.add(p.id())) {
                    extra.add(p);
                    added = true;
                }
            }
            brackets += added ? 1 : 0;
        }
        return extra;
    }

    /** {@return what other processes took since the sweep started}, when known */
    private Optional<OtherLoad.Figures> runLoad() {
        return OtherLoad.between(runStart, OtherLoad.sample(ProcessHandle.current()));
    }

    /**
     * Adds what other processes took during {@code point} to its {@code points/*.json} (a point that
     * wrote none, such as a failed one, gets none) and says so in the progress when it was busy.
     */
    private void recordLoad(Point point, OtherLoad.Figures load) throws IOException {
        boolean busy = load.busy(busyThreshold);
        if (busy) {
            progress.printf(java.util.Locale.ROOT, "        busy: %s, above the threshold of %.2f cores: "
                    + "this point may read low%n", load.words(), busyThreshold);
            progress.flush();
        }
        Path file = pointsDir().resolve(point.id() + PointSummary.EXTENSION);
        if (!Files.exists(file)) {
            return;
        }
        ObjectNode summary = (ObjectNode) POINT_JSON.readTree(file.toFile());
        summary.put("otherCpuCores", load.otherCores());
        summary.put("stealCpuCores", load.stealCores());
        summary.put("ownCpuCores", load.ownCores());
        summary.put("busy", busy);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, POINT_JSON.writeValueAsString(summary) + System.lineSeparator(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * What a sweep ended with.
     *
     * @param failed      the points that failed
     * @param interrupted whether the JVM began shutting down (Ctrl-C, a TERM signal) before the last point
     * @param otherLoad   what other processes took of the CPU over the whole sweep; empty when
     *                    interrupted or not known (not Linux)
     */
    record Outcome(List<Point> failed, boolean interrupted, Optional<OtherLoad.Figures> otherLoad) {
    }

    /**
     * {@return {@code point} with its offered rate}, for an open-loop point planned with
     * {@link Profile.OpenGrid#RATE_TO_MEASURE}: its model's capacity at the point (measured the first
     * time, see {@link Capacity}) times its load; any other point as it is
     */
    private Point withRate(Point point) {
        if (!point.benchmark().equals(OpenLoopBenchmark.class.getName() + ".run")
                || !Profile.OpenGrid.RATE_TO_MEASURE.equals(point.params().get("rate"))) {
            return point;
        }
        String model = point.params().get("model");
        boolean fresh = !capacity.known(model, point.params());
        double rate = capacity.of(model, point.params());
        if (fresh) {
            progress.printf(java.util.Locale.ROOT, "        capacity of %s at %s io=%sms cpu=%sus C=%s: %,.0f tasks/s%n",
                    model, point.params().get("workload"), point.params().get("ioMillis"),
                    point.params().get("cpuMicros"), point.params().get("concurrency"), rate);
        }
        java.util.Map<String, String> params = new java.util.TreeMap<>(point.params());
        params.put("rate", Long.toString(Capacity.rateFor(rate, Integer.parseInt(params.get("load")))));
        return new Point(point.benchmark(), params);
    }

    private static void deleteAll(Path dir, String extension) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(extension)).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /**
     * One point's JMH run.
     *
     * @param results its results; empty when it failed
     * @param error   why it failed, in one line; {@code null} when it did not
     */
    private record PointRun(Collection<RunResult> results, String error) {
    }

    private PointRun runPoint(Point point) {
        Profile.Settings s = profile.settings();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(point.benchmark()) + "$")
                .mode(Mode.Throughput)
                .timeUnit(TimeUnit.SECONDS)
                .threads(1)
                .forks(1)  // the profile's forks are rounds (see the class comment)
                .warmupIterations(s.warmupIterations())
                .warmupTime(TimeValue.milliseconds(profile.warmupTime(point.benchmark()).toMillis()))
                .measurementIterations(s.measurementIterations())
                .measurementTime(TimeValue.milliseconds(profile.measurementTime(point).toMillis()))
                .timeout(TimeValue.seconds(Profile.Pinned.TIMEOUT_SECONDS))
                // the forks run on this JVM's java (the JDK >= 21 running this command), never on PATH's
                .jvm(JvmFlags.thisJava().toString())
                .jvmArgs(forkArgs(s.heap(), Runtime.version(), classArchive))  // the forks run this JVM's java
                .jvmArgsAppend("-D" + LatencyLog.DIR_PROPERTY + "=" + latencyDir().toAbsolutePath(),
                        "-D" + PointSummary.DIR_PROPERTY + "=" + pointsDir().toAbsolutePath(),
                        "-D" + WorkloadBenchmark.UNITS_PER_MICRO_PROPERTY + "=" + calibration.unitsPerMicro(),
                        "-D" + HttpBenchmark.SERVER_PROPERTY + "=" + (delayServer == null ? "" : dev.crossover.server.HostPort.format(delayServer.address())))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.NORMAL);
        point.params().forEach(options::param);
        try {
            Collection<RunResult> r = new Runner(options.build(),
                    new QuietOutput(OutputFormatFactory.createFormatInstance(progress, VerboseMode.NORMAL))).run();
            return new PointRun(r, r.isEmpty() ? "JMH returned no result (see its output)" : null);
        } catch (RunnerException e) {
            return new PointRun(List.of(), message(e));
        }
    }

    /**
     * {@return the benchmark's own error behind JMH's wrapping}: the deepest cause of the first
     * exception a fork reported, as {@code Type: message} on one line
     */
    static String message(Throwable e) {
        Throwable t = e;
        while (true) {
            if (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            } else if (t.getSuppressed().length > 0) {
                t = t.getSuppressed()[0];
            } else {
                break;
            }
        }
        String text = t.getMessage() == null ? t.getClass().getName() : t.getClass().getSimpleName() + ": " + t.getMessage();
        return text.lines().findFirst().orElse(text).strip();
    }

    /**
     * {@return the forked JVM's options}: the heap, then {@link JvmFlags#forJdk} of the version
     * {@code forked} the fork runs (JMH 1.37 calls {@code sun.misc.Unsafe}, which JDK 24+ warns about),
     * then a class-data archive at {@code classArchive} that the first fork writes and the others map
     * (none when null)
     */
    static String[] forkArgs(String heap, Runtime.Version forked, Path classArchive) {
        List<String> args = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap));
        args.addAll(JvmFlags.forJdk(forked));
        if (classArchive != null) {
            // every fork maps the classes the first one archived (JDK 19+): about 0.3 s less start-up per fork,
            // the same for every model; the archive's own notices (classes it skips) are not the run's
            args.addAll(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + classArchive, "-Xlog:cds*=off"));
        }
        return args.toArray(String[]::new);
    }

    private void describe(Collection<RunResult> r) {
        for (RunResult result : r) {
            Result<?> completed = result.getSecondaryResults().get("completed");
            Result<?> failed = result.getSecondaryResults().get("failed");
            progress.printf("        %,.0f ± %,.0f tasks/s completed, %,.0f failed/s%n",
                    completed == null ? Double.NaN : completed.getScore(),
                    completed == null ? Double.NaN : completed.getScoreError(),
                    failed == null ? Double.NaN : failed.getScore());
        }
        progress.flush();
    }

    private Duration left(int next, long start, int runs) {
        if (next == 0) {
            return profile.estimate(points);
        }
        long perRun = (System.nanoTime() - start) / next;
        return Duration.ofNanos(perRun * (runs - next));
    }

    /**
     * One fork of one point.
     *
     * @param point the point
     * @param round its round, from 0
     */
    record Run(Point point, int round) {
    }

    /**
     * {@return {@code rounds} rounds of every point, each round in its own order shuffled from
     * {@code seed}}: round r's order is a shuffle with a generator seeded from {@code seed} and r
     */
    static List<Run> order(List<Point> points, int rounds, long seed) {
        List<Run> all = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            List<Point> round = new ArrayList<>(points);
            java.util.Collections.shuffle(round, new java.util.Random(seed * 1_000_003L + r));
            for (Point p : round) {
                all.add(new Run(p, r));
            }
        }
        return all;
    }

    /** {@return every point with a fork so far, its forks merged, in the plan's order} */
    private List<RunResult> merged() {
        List<RunResult> all = new ArrayList<>();
        for (Point p : allPoints) {
            List<RunResult> f = forks.get(p.id());
            if (f != null && !f.isEmpty()) {
                all.add(ForkMerge.merge(f));
            }
        }
        return all;
    }

    private synchronized void writeResults() throws IOException {
        Path tmp = out.resolve("results.json.tmp");
        try (PrintStream print = new PrintStream(Files.newOutputStream(tmp), false, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, print).writeOut(merged());
        }
        Files.move(tmp, resultsFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The shutdown hook: stops what this JVM started and records that the run was cut short. */
    private void interrupted() {
        if (done) {
            return;
        }
        stopping = true;
        List<ProcessHandle> started = ProcessHandle.current().descendants().toList();
        started.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : started) {
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        try {
            environment.ended(true, runLoad().orElse(null)).write(out.resolve("environment.json"));
        } catch (IOException | UncheckedIOException e) {
            // the run is ending anyway: the message below still says where the results are
        }
        deleteClassArchive();
        progress.printf("interrupted after %d of %d forks: the finished ones are in %s "
                + "(report them with: report %s --out %s)%n", finished, points.size() * profile.settings().forks(),
                resultsFile(), resultsFile(), out);
        progress.flush();
    }

    static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60) : String.format("%dm%02ds", s / 60, s % 60);
    }
}
