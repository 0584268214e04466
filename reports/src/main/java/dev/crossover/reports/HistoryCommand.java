package dev.crossover.reports;

import dev.crossover.reports.compare.Options;
import dev.crossover.reports.history.Analysis;
import dev.crossover.reports.history.ChangePoints;
import dev.crossover.reports.history.Check;
import dev.crossover.reports.history.History;
import dev.crossover.reports.history.HistoryPage;
import dev.crossover.reports.history.HistoryRun;
import dev.crossover.reports.history.OtavaCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code history add|report|export|check}: keeps runs in a directory and finds where they changed.
 *
 * <ul>
 * <li>{@code history add RUN_DIR --into DIR [--commit SHA] [--date ISO-8601]} copies a run into the
 *     history ({@link History}) and prints its new directory.</li>
 * <li>{@code history report DIR [--out DIR] [--threshold 5%]} writes {@code history.html}: the newest
 *     run's check, the change points and each point's series ({@link HistoryPage}).</li>
 * <li>{@code history export DIR --otava FILE} writes the CSV Apache Otava reads ({@link OtavaCsv})
 *     and prints the matching {@code otava.yaml} test.</li>
 * <li>{@code history check DIR [--threshold 5%]} judges the newest run against its current segment
 *     ({@link Check}).</li>
 * </ul>
 * The threshold is both the smallest change a change point may have and the check's margin.
 *
 * <p>Exit codes: 0 done (for {@code check}: no regression); 1 {@code check} found the newest run
 * worse than its segment by more than the threshold; 2 bad input or usage, with one line on stderr
 * naming the file or flag.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Keeps runs in a directory, finds their change points, and checks the newest run.",
        subcommands = {HistoryCommand.Add.class, HistoryCommand.Report.class, HistoryCommand.Export.class,
                HistoryCommand.CheckNewest.class})
public final class HistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** Runs {@code body}, turning bad input into one line on stderr and exit code 2. */
    static int guarded(CommandSpec spec, Callable<Integer> body) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            int code = body.call();
            spec.commandLine().getOut().flush();
            return code;
        } catch (BadInputException | IllegalArgumentException e) {
            err.println(e.getMessage());
        } catch (UncheckedIOException e) {
            err.println(e.getMessage().replaceAll("[\\r\\n]+", " "));
        } catch (Exception e) {
            err.println("history: " + e);
        }
        err.flush();
        return 2;
    }

    static List<HistoryRun> runs(Path dir) {
        List<HistoryRun> runs = History.load(dir);
        if (runs.isEmpty()) {
            throw new BadInputException(dir, "holds no run (expected: runs added with history add RUN_DIR --into "
                    + dir + ")");
        }
        return runs;
    }

    static ChangePoints detector(double threshold) {
        return new ChangePoints(ChangePoints.DEFAULT.window(), ChangePoints.DEFAULT.maxPValue(), threshold);
    }

    static void write(String flag, Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(flag + ": " + file + " (expected: a writable file: " + e.getMessage() + ")", e);
        }
    }

    /** {@code history add}. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Copies a run into the history directory.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory (or a JMH JSON file).")
        Path run;

        @Option(names = "--into", required = true, paramLabel = "DIR", description = "The history directory (created if missing).")
        Path into;

        @Option(names = "--commit", paramLabel = "SHA", description = "The commit the run measured (default: its environment.json's gitCommit).")
        String commit;

        @Option(names = "--date", paramLabel = "ISO-8601", description = "When it ran (default: its environment.json's startTime).")
        String date;

        @Override
        public Integer call() {
            return guarded(spec, () -> {
                Instant when = null;
                if (date != null) {
                    try {
                        when = Instant.parse(date);
                    } catch (java.time.format.DateTimeParseException e) {
                        throw new IllegalArgumentException("--date: " + date + " (expected: ISO-8601, such as 2026-01-01T10:00:00Z)");
                    }
                }
                spec.commandLine().getOut().println(History.add(run, into, commit, when));
                return 0;
            });
        }
    }

    /** {@code history report}. */
    @Command(name = "report", mixinStandardHelpOptions = true, description = "Writes history.html: change points and every point's series.")
    static final class Report implements Callable<Integer> {
        /** The page's file name. */
        static final String FILE_NAME = "history.html";

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The history directory.")
        Path dir;

        @Option(names = "--out", paramLabel = "DIR", description = "Where to write history.html (default: the history directory).")
        Path out;

        @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "5%",
                description = "The smallest change that counts (default: ${DEFAULT-VALUE}).")
        String threshold;

        @Override
        public Integer call() {
            return guarded(spec, () -> {
                double t = Options.parseThreshold(threshold);
                List<HistoryRun> runs = runs(dir);
                ChangePoints detector = detector(t);
                String html = HistoryPage.render(Analysis.of(runs, detector), Check.of(runs, detector, t), detector, t);
                Path file = (out != null ? out : dir).resolve(FILE_NAME);
                write("--out", file, html);
                spec.commandLine().getOut().println(file.toAbsolutePath());
                return 0;
            });
        }
    }

    /** {@code history export}. */
    @Command(name = "export", mixinStandardHelpOptions = true, description = "Writes the history as the CSV Apache Otava reads.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The history directory.")
        Path dir;

        @Option(names = "--otava", required = true, paramLabel = "FILE", description = "The CSV file to write.")
        Path otava;

        @Override
        public Integer call() {
            return guarded(spec, () -> {
                List<HistoryRun> runs = runs(dir);
                OtavaCsv csv = OtavaCsv.of(runs);
                write("--otava", otava, csv.csv());
                PrintWriter o = spec.commandLine().getOut();
                o.println("# " + otava.toAbsolutePath() + ": " + runs.size() + " runs, " + csv.series().size()
                        + " metrics" + (csv.filled() > 0 ? ", " + csv.filled() + " missing cells filled from the nearest run" : "")
                        + "; an otava.yaml test that reads it:");
                o.print(csv.config("crossover", otava.toAbsolutePath().toString()));
                return 0;
            });
        }
    }

    /** {@code history check}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Exits 1 when the newest run is worse than its current segment's spread by more than the threshold.")
    static final class CheckNewest implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The history directory.")
        Path dir;

        @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "5%",
                description = "The margin beyond the spread that counts (default: ${DEFAULT-VALUE}).")
        String threshold;

        @Override
        public Integer call() {
            return guarded(spec, () -> {
                double t = Options.parseThreshold(threshold);
                List<HistoryRun> runs = runs(dir);
                Check check = Check.of(runs, detector(t), t);
                check.lines(runs).forEach(spec.commandLine().getOut()::println);
                return check.count(Check.Status.REGRESSED) > 0 ? 1 : 0;
            });
        }
    }
}
