package dev.crossover.benchmarks.python;

import dev.crossover.reports.BadInputException;
import dev.crossover.reports.Reports;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code python [--profile smoke|quick|full] [--out DIR] [--python PATH]}: the Python reference's
 * sweep (package {@code crossover_py}, unpacked from the jar into a temporary directory and deleted
 * after), then its report. Progress goes to standard error; the one line on standard output is the
 * report's path. Exit codes: 0 success, 1 a point failed, 2 bad usage or no usable Python (one line).
 */
@Command(name = "python", description = "Runs the Python reference (asyncio, to_thread, threads, processes, uvloop) "
        + "on the same workloads and checksums, with python3 on the PATH or --python.")
public final class PythonCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--profile", defaultValue = "quick",
            description = "smoke (~15 s), quick (~1 min) or full (~1 h) (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--out", description = "Folder for the results (default: crossover-python-<date-time>).")
    Path out;

    @Option(names = "--python", paramLabel = "PATH", description = "The interpreter (default: python3 on the PATH; "
            + "at least 3.11, e.g. a free-threaded 3.13t).")
    Path python;

    @Option(names = "--include", paramLabel = "REGEX", description = "Only points whose id (e.g. "
            + "'SleepBenchmark.run@concurrency=100,cpuMicros=0,ioMillis=10,model=py-asyncio') matches this regular expression.")
    String include;

    @Override
    public Integer call() {
        if (!List.of("smoke", "quick", "full").contains(profile)) {
            throw new IllegalArgumentException("profile: " + profile + " (expected: smoke, quick or full)");
        }
        PythonRuntime.Found found = PythonRuntime.find(python, System.getenv("PATH"));
        if (found.runtime().isEmpty()) {
            throw new IllegalArgumentException(found.words());
        }
        Path dir = out != null ? out
                : Path.of("crossover-python-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("out: " + dir + " (expected: a directory)");
        }
        if (include != null) {
            try {
                java.util.regex.Pattern.compile(include);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException("include: " + include + " (expected: a regular expression)");
            }
        }
        PrintWriter progress = spec.commandLine().getErr();
        progress.println("crossover python: " + found.words().substring("python: ".length()));
        progress.flush();
        int code = PythonSweep.run(found.runtime().get(), profile, dir, include, line -> {
            progress.println(line);
            progress.flush();
        });
        if (code == 130 || code == 2) {
            return code;  // interrupted, or bad input the sweep named in its one line
        }
        try {
            Path report = Reports.write(List.of(dir.resolve("results.json")), dir);
            spec.commandLine().getOut().println(report.toAbsolutePath());
            spec.commandLine().getOut().flush();
        } catch (BadInputException e) {
            progress.println("crossover: report: " + e.getMessage());
            progress.flush();
            return 1;
        }
        return code;
    }
}
