package dev.crossover.benchmarks.cli;

import dev.crossover.benchmarks.Profile;
import dev.crossover.benchmarks.Profile.Point;
import dev.crossover.benchmarks.footprint.FootprintJson;
import dev.crossover.benchmarks.footprint.FootprintPlan;
import dev.crossover.benchmarks.footprint.ProbeJvm;
import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.Kernel;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.Models;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import dev.crossover.reports.BadInputException;
import dev.crossover.reports.Reports;
import dev.crossover.reports.compare.RunEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run}: the JMH sweep of a {@link Profile} over every model, then the report.
 *
 * <p>Writes {@code DIR/results.json} (standard JMH JSON), {@code DIR/latency/*.hlog},
 * {@code DIR/points/*.json} (what each point really ran), {@code DIR/failures.json} (points that
 * failed or were left out on purpose) and {@code DIR/environment.json}, then the profile's footprint
 * section ({@code DIR/footprint.json}, see {@link FootprintPlan}), then the report
 * {@code DIR/report.html}. The CPU kernel is calibrated once, here, and every fork computes the
 * units of that calibration. Progress goes to standard error, one line per point (and one more for
 * a point during which other processes took more than {@code --busy-threshold} cores on average,
 * see {@link OtherLoad}); after the last point, a warning there when they did over the whole run.
 * The one line on standard output is the report's path. The models are {@link Models#ids()}, the same list
 * {@code models} prints. Exit codes: 0 success, 1 when a point failed (for example its work check),
 * 2 on bad input, 130 when interrupted (Ctrl-C): then the finished points stay in
 * {@code results.json}, every process the run started is stopped, and no report is written.
 */
@Command(name = "run", description = "Runs the JMH sweep of a profile over every model and writes results, latency logs and the environment.")
public final class RunCommand implements Callable<Integer> {
    /** The exit code after Ctrl-C, as shells report a command ended by SIGINT. */
    static final int INTERRUPTED = 130;

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", defaultValue = "quick",
            description = "smoke (CI, ~3 min), quick (~13 min) or full (hours) (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--out", description = "Folder for the results (default: crossover-run-<date-time>).")
    Path out;

    @Option(names = "--include", description = "Only points whose id (benchmark@params, e.g. "
            + "'SleepBenchmark.run@concurrency=100,...,model=threads-virtual') matches this regular expression.")
    String include;

    @Option(names = "--model", paramLabel = "M[,M2...]|all", description = "The models to sweep (default: the "
            + "profile's: every model, but quick leaves threads-per-task and processes-eventloop to full; all: every one).")
    String model;

    @Option(names = "--busy-threshold", defaultValue = "0.25", paramLabel = "CORES",
            description = "Warn when other processes took more than this many cores on average, per point and "
                    + "over the run (default: ${DEFAULT-VALUE}).")
    double busyThreshold;

    @Option(names = "--units-from", paramLabel = "BASELINE_DIR", description = "Reuse that run's kernel calibration "
            + "(its environment.json), so both runs compute the same work and a slower kernel shows in compare.")
    Path unitsFrom;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the rounds' shuffled orders "
            + "(default: ${DEFAULT-VALUE}; environment.json records it).")
    long seed;

    @Option(names = "--footprint", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "After the sweep, the profile's footprint section (memory per in-flight task, footprint.json; "
                    + "quick: N = 1,000 and 100,000, full: 1,000 to 1,000,000, smoke: none); never with --include (default: on).")
    boolean footprint;

    @Option(names = "--no-python", description = "Skip the Python reference (run by default when a python3 >= 3.11 is on the PATH).")
    boolean noPython;

    @Override
    public Integer call() throws IOException {
        Profile chosen = profile(profile);
        OtherLoad.threshold(busyThreshold);
        Predicate<Point> included = included(include);
        Path dir = out != null ? out
                : Path.of("crossover-run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("out: " + dir + " (expected: a directory)");
        }
        List<String> available = Models.ids();
        if (available.isEmpty()) {
            throw new IllegalArgumentException("model: none (expected: at least one model on the class path)");
        }
        List<String> models = model == null ? chosen.models(available)
                : ScenarioCommand.providers(model).stream().map(dev.crossover.core.ModelProvider::id).toList();
        PrintStream progress = System.err;
        int cores = Runtime.getRuntime().availableProcessors();
        Profile.Plan plan = chosen.plan(models, included, new FanoutSupport().byKind(), cores,
                model -> Models.provider(model).parallelism(ModelOptions.defaults()),
                model -> Models.provider(model).sweepConcurrency(ModelOptions.defaults()));
        List<Point> points = plan.points();
        if (points.isEmpty()) {
            throw new IllegalArgumentException("include: " + include + " (expected: a pattern matching a point of profile "
                    + chosen.id() + ")");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("out: " + dir + " (expected: a directory that can be created: " + e + ")");
        }
        Kernel.Calibration calibration = unitsFrom == null ? Kernel.calibrate()
                : new Kernel.Calibration(RunEnvironment.unitsPerMicro(unitsFrom));
        PythonPart python = PythonPart.find(noPython, progress);  // its line is the run's first
        progress.printf("crossover run: profile %s, %d points in %d forks each, as shuffled rounds (%d left out: see failures.json), %d models, about %s; "
                        + "kernel %.1f units/us; results in %s%n", chosen.id(), points.size(), chosen.settings().forks(), plan.excluded().size(),
                models.size(), Sweep.format(chosen.estimate(points)), calibration.unitsPerMicro(),
                dir.toAbsolutePath());
        List<String> unswept = available.stream().filter(m -> !models.contains(m)).toList();
        if (!unswept.isEmpty()) {
            progress.printf("  not swept: %s (%s)%n", String.join(", ", unswept), model == null
                    ? "profile " + chosen.id() + " leaves them to full; --model all runs them" : "not named by --model");
        }
        if (chosen.extraForks() > 0) {
            progress.printf("  then up to %d more forks for the points of undecided cells%s%n", chosen.extraForks(),
                    chosen.sweepBudget().map(b -> ", while the sweep is under " + Sweep.format(b)).orElse(""));
        }
        Map<String, List<String>> leftOut = new java.util.LinkedHashMap<>();  // one line per reason, models listed
        plan.excluded().forEach(e -> leftOut.computeIfAbsent(e.reason().startsWith(e.point().params().get("model"))
                ? e.point().benchmark() + ": " + e.reason() : e.point().label().replaceAll(" model=\\S+", "") + ": "
                + e.reason(), k -> new java.util.ArrayList<>()).add(e.point().params().get("model")));
        leftOut.forEach((line, ms) -> progress.println("  left out: " + line
                + (line.contains("runs no fan-out") ? "" : " (" + ms.size() + " models)")));
        Sweep sweep = new Sweep(chosen, plan, dir, progress, calibration, busyThreshold, seed);
        Sweep.Outcome outcome = sweep.run();
        if (outcome.interrupted()) {
            return INTERRUPTED;  // the shutdown hook has said where the finished points are
        }
        List<Point> failed = outcome.failed();
        Optional<Path> pythonResults = python.run(chosen.id(), dir, include);
        PrintWriter stdout = spec.commandLine().getOut();
        outcome.otherLoad().flatMap(load -> busyWarning(load, busyThreshold)).ifPresent(progress::println);
        if (!failed.isEmpty()) {
            progress.printf("%d of %d points failed:%n", failed.size(), points.size());
            failed.forEach(p -> progress.println("  " + p.label()));
        }
        if (failed.size() == points.size()) {
            progress.println("no point finished: no report");
            return 1;
        }
        runFootprint(chosen, model == null ? available : models, dir, progress);  // memory per task: every model, cheap
        Path report;
        try {
            report = Reports.write(python.withResults(sweep.resultsFile(), pythonResults), dir);
        } catch (BadInputException e) {
            progress.println("crossover: report: " + e.getMessage());
            return 1;
        }
        stdout.println(report.toAbsolutePath());
        stdout.flush();
        return failed.isEmpty() && python.passed() ? 0 : 1;
    }

    /**
     * Runs {@code profile}'s footprint section ({@link FootprintPlan}) into {@code dir/footprint.json}, every
     * model, unless the profile has none, {@code --no-footprint} or {@code --include} (a partial sweep) says so;
     * an earlier run's footprint.json in the folder is removed then, so the report never shows another run's.
     */
    private void runFootprint(Profile profile, List<String> models, Path dir, PrintStream progress) throws IOException {
        List<Integer> tasks = FootprintPlan.tasks(profile);
        if (tasks.isEmpty() || !footprint || include != null) {
            Files.deleteIfExists(dir.resolve(FootprintJson.FILE_NAME));
            return;
        }
        progress.println("crossover run: footprint section, every model at N = " + tasks + ", a fresh JVM each");
        FootprintCommand.run(new ProbeJvm(FootprintPlan.settings()), models, tasks, dir,
                "run --profile " + profile.id() + " (footprint section)", line -> {
                    progress.println(line);
                    progress.flush();
                });
    }

    /** {@return the warning to print when other processes took more than {@code threshold} cores over the run} */
    static Optional<String> busyWarning(OtherLoad.Figures load, double threshold) {
        if (!load.busy(threshold)) {
            return Optional.empty();
        }
        return Optional.of(String.format(java.util.Locale.ROOT, "crossover: warning: the machine was busy: %s, above "
                + "the threshold of %.2f cores (--busy-threshold): results may read low and noisy", load.words(), threshold));
    }

    static Profile profile(String id) {
        for (Profile p : Profile.values()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("profile: " + id + " (expected: smoke, quick or full)");
    }

    static Predicate<Point> included(String regex) {
        if (regex == null) {
            return p -> true;
        }
        try {
            Pattern pattern = Pattern.compile(regex);
            return p -> pattern.matcher(p.id()).find();
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("include: " + regex + " (expected: a regular expression)");
        }
    }

    /**
     * Why a model rejects fan-out workloads, found by asking it to run a one-task fan-out workload
     * with no wait (a model that does not run them rejects it with {@link IllegalArgumentException},
     * whose message is the reason); empty when it runs it. Asked once per model, only for models a
     * fan-out point would run.
     */
    static final class FanoutSupport implements Function<String, Optional<String>> {
        private final Map<String, Optional<String>> known = new HashMap<>();

        @Override
        public Optional<String> apply(String model) {
            return apply(model, WorkloadKind.FANOUT);
        }

        /** {@return this support for every kind: why a model refuses a workload of a kind, or empty} */
        java.util.function.BiFunction<String, WorkloadKind, Optional<String>> byKind() {
            return this::apply;
        }

        /** {@return why {@code model} refuses a workload of {@code kind} (its own words), or empty when it runs it} */
        Optional<String> apply(String model, WorkloadKind kind) {
            return known.computeIfAbsent(model + "@" + kind.id(), k -> probe(model, kind));
        }

        private static Optional<String> probe(String model, WorkloadKind kind) {
            Workload one = kind == WorkloadKind.FANOUT
                    ? Workload.builder(WorkloadKind.FANOUT).tasks(1).concurrency(1).io(Duration.ZERO).fanout(2).build()
                    : Workload.builder(kind).tasks(1).concurrency(1).build();
            try (ConcurrencyModel m = Models.create(model, ModelOptions.defaults())) {
                m.accept(one);
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of(String.valueOf(e.getMessage()));
            }
        }
    }
}
