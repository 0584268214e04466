package dev.crossover.benchmarks.cli;

import dev.crossover.benchmarks.footprint.FootprintPlan;
import dev.crossover.benchmarks.footprint.FootprintRun;
import dev.crossover.benchmarks.footprint.ModelFootprint;
import dev.crossover.benchmarks.footprint.Fit;
import dev.crossover.benchmarks.footprint.PlatformLimits;
import dev.crossover.benchmarks.footprint.ProbeJvm;
import dev.crossover.core.ModelProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code footprint}: memory and start-up per in-flight task. For each model and task count N, a
 * fresh JVM holds N sleeping tasks submitted through the model's own {@code submit}, and the
 * process tree's memory, the heap before and after a full GC, threads, the native memory summary
 * and the time and CPU to get all N waiting are measured ({@link FootprintRun}). Writes
 * {@code DIR/footprint.json}; prints a table (bytes per task as the slope over N, with R²) and
 * then the file's path on standard output, progress on standard error.
 * Exit codes: 0 when it ran (a model stopped at some N is a result, said in the file), 2 on bad input.
 */
@Command(name = "footprint", description = "Memory and start-up per in-flight task: each model holds N sleeping "
        + "tasks in a fresh JVM; bytes/task is the slope over N.")
public final class FootprintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", defaultValue = "all", paramLabel = "M[,M2...]|all",
            description = "Model ids separated by commas, or all (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--tasks", defaultValue = "1000,10000,100000,1000000", split = ",", paramLabel = "N[,N2...]",
            description = "Task counts (default: ${DEFAULT-VALUE}).")
    List<Integer> tasks;

    @Option(names = "--out", description = "Folder for footprint.json (default: crossover-footprint-<date-time>).")
    Path out;

    @Option(names = "--wait", defaultValue = "10m", converter = Durations.class,
            description = "Each task's sleep: longer than spawning and measuring all N (default: ${DEFAULT-VALUE}).")
    Duration wait;

    @Option(names = "--spawn-timeout", defaultValue = "120s", converter = Durations.class,
            description = "How long N tasks may take to begin before the count is given up (default: ${DEFAULT-VALUE}).")
    Duration spawnTimeout;

    @Option(names = "--heap", defaultValue = FootprintPlan.DEFAULT_HEAP,
            description = "-Xmx of every probe JVM, the same for every model (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--nmt", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run probes with -XX:NativeMemoryTracking=summary and record its summary (default: on).")
    boolean nmt;

    @Override
    public Integer call() throws IOException {
        List<String> models = ScenarioCommand.providers(model).stream().map(ModelProvider::id).toList();
        for (int n : tasks) {
            if (n <= 0) {
                throw new IllegalArgumentException("tasks: " + n + " (expected: > 0)");
            }
        }
        Path dir = out != null ? out : Path.of("crossover-footprint-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("out: " + dir + " (expected: a directory)");
        }
        ProbeJvm probe = new ProbeJvm(new ProbeJvm.Settings(heap, nmt, wait, spawnTimeout));
        PrintWriter stderr = spec.commandLine().getErr();
        Path file = run(probe, models, tasks, dir, commandLine(), line -> {
            stderr.println(line);
            stderr.flush();
        });
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(file.toAbsolutePath());
        stdout.flush();
        return 0;
    }

    /** Runs {@code models} at {@code tasks}, prints the table on {@code progress} and writes the file; {@return its path} */
    static Path run(ProbeJvm probe, List<String> models, List<Integer> tasks, Path dir, String command,
                    java.util.function.Consumer<String> progress) throws IOException {
        PlatformLimits limits = PlatformLimits.read();
        progress.accept(String.format(Locale.ROOT, "crossover footprint: %d models at N = %s; limits: pid_max %,d, threads-max %,d, "
                        + "vm.max_map_count %,d, ulimit -u %s%s, ulimit -n %s; probe JVMs: %s", models.size(), tasks,
                limits.pidMax(), limits.threadsMax(), limits.maxMapCount(), limit(limits.maxUserThreads()),
                limits.root() ? " (root: ignored)" : "", limit(limits.maxOpenFiles()), String.join(" ", probe.jvmArgs())));
        FootprintRun.Result result = new FootprintRun(probe, limits, PlatformLimits::threadsInUse, progress).run(models, tasks);
        table(result).forEach(progress);
        return FootprintRun.write(result, dir, command);
    }

    /** {@return the summary table: per model bytes/task (Pss slope, R²), live heap bytes/task, spawn µs/task, largest N} */
    static List<String> table(FootprintRun.Result result) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-20s %14s %7s %16s %14s %12s  %s", "model", "Pss B/task", "R²",
                "live heap B/task", "spawn us/task", "largest N", "stopped"));
        for (ModelFootprint m : result.models()) {
            String stopped = String.join("; ", m.outcomes().stream()
                    .filter(o -> o instanceof dev.crossover.benchmarks.footprint.Outcome.Stopped)
                    .map(o -> (dev.crossover.benchmarks.footprint.Outcome.Stopped) o)
                    .map(s -> String.format(Locale.ROOT, "N=%,d %s", s.tasks(), s.status())).toList());
            lines.add(String.format(Locale.ROOT, "%-20s %14s %7s %16s %14s %,12d  %s", m.model(), slope(m.pss(), 1, "%,.0f"),
                    m.pss().map(f -> String.format(Locale.ROOT, "%.3f", f.r2())).orElse("-"),
                    slope(m.liveHeap(), 1, "%,.0f"), slope(m.spawn(), 1e-3, "%,.2f"), m.largestTasks(), stopped));
        }
        return lines;
    }

    private static String slope(Optional<Fit> fit, double scale, String format) {
        return fit.map(f -> String.format(Locale.ROOT, format, f.slope() * scale)).orElse("-");
    }

    private static String limit(long value) {
        return value < 0 ? "unlimited" : String.format(Locale.ROOT, "%,d", value);
    }

    private String commandLine() {
        return "footprint --model " + model + " --tasks " + String.join(",", tasks.stream().map(String::valueOf).toList())
                + " --wait " + Durations.format(wait) + " --spawn-timeout " + Durations.format(spawnTimeout)
                + " --heap " + heap + (nmt ? "" : " --no-nmt");
    }
}
