package dev.crossover.reports;

import dev.crossover.reports.compare.Comparison;
import dev.crossover.reports.compare.ComparisonWriter;
import dev.crossover.reports.compare.FootprintComparison;
import dev.crossover.reports.footprint.FootprintFile;
import dev.crossover.reports.compare.MetricChoice;
import dev.crossover.reports.compare.JunitReport;
import dev.crossover.reports.compare.MarkdownSummary;
import dev.crossover.reports.compare.Options;
import dev.crossover.reports.compare.Side;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code compare BASELINE CURRENT [--threshold 5%] [--metric auto|primary|NAME] [--json] [--fail-on-missing]
 * [--junit FILE] [--markdown FILE] [--allow-different-environment]}: compares two JMH runs point by
 * point and prints one line per point, worst first, then a summary (see {@link Comparison} for the rules).
 *
 * <p>BASELINE and CURRENT are each a JMH JSON file, a run directory (its results.json), or several
 * of them separated by commas: rounds of one build, merged fork by fork ({@link dev.crossover.reports.compare.Rounds}).
 * Two {@code footprint.json} files compare alone, and run directories that both hold one (the first
 * of each side) add its figures to the lines ({@link FootprintComparison}: lower is better).
 *
 * <h2>Refusals</h2>
 * Runs whose environment.json differ in machine, cores or JDK are refused (exit 2, one line naming
 * the difference) unless {@code --allow-different-environment}; runs of different method versions
 * always are: a change in how a number is measured must never read as a regression.
 *
 * <p>Exit codes: 0 no regression; 1 at least one point regressed (or, with
 * {@code --fail-on-missing}, is missing from CURRENT); 2 bad input or usage, with one line on
 * stderr naming the file (or flag) and what is wrong.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compares two JMH runs point by point; exits 1 if a point regressed beyond the threshold and beyond noise.")
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "1", paramLabel = "BASELINE", split = ",",
            description = "The reference: a JMH JSON file or run directory (several, comma-separated, merge as rounds).")
    List<Path> baseline;

    @Parameters(index = "1", arity = "1", paramLabel = "CURRENT", split = ",",
            description = "The run to check, in the same form as BASELINE.")
    List<Path> current;

    @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "5%",
            description = "The smallest change that counts (default: ${DEFAULT-VALUE}).")
    String threshold;

    @Option(names = "--metric", paramLabel = "auto|primary|NAME", defaultValue = "auto",
            description = "The metric to compare: auto (the secondary metric 'completed' when present, else the primary), "
                    + "primary, or a secondary metric's name (default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--json", description = "Print one JSON object instead of lines.")
    boolean json;

    @Option(names = "--fail-on-missing", description = "Exit 1 also when a baseline point is missing from CURRENT.")
    boolean failOnMissing;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML: a test case per point, a failure per regression.")
    Path junit;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write a Markdown summary (for a CI step summary or a PR comment).")
    Path markdown;

    @Option(names = "--allow-different-environment",
            description = "Compare runs whose environment.json differ in machine, cores or JDK (refused otherwise).")
    boolean allowDifferentEnvironment;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Options options = new Options(Options.parseThreshold(threshold), MetricChoice.parse(metric));
            if (isFootprint(baseline) && isFootprint(current)) {
                FootprintComparison f = FootprintComparison.of(FootprintFile.read(baseline.get(0)),
                        FootprintFile.read(current.get(0)), options.threshold());
                f.lines().forEach(out::println);
                out.flush();
                return f.fails(failOnMissing) ? 1 : 0;
            }
            Side base = Side.load(baseline);
            Side now = Side.load(current);
            Comparison comparison = Comparison.of(base, now, options, refusals(base, now, allowDifferentEnvironment));
            if (json) {
                out.println(ComparisonWriter.json(comparison, failOnMissing));
            } else {
                ComparisonWriter.lines(comparison).forEach(out::println);
            }
            out.flush();
            if (junit != null) {
                write("--junit", junit, JunitReport.xml(comparison, failOnMissing));
            }
            if (markdown != null) {
                write("--markdown", markdown, MarkdownSummary.of(comparison, base, now));
            }
            // Run directories that both hold a footprint.json: its figures too (lower is better).
            java.util.Optional<FootprintComparison> footprint = FootprintFile.near(baseline.get(0))
                    .flatMap(b -> FootprintFile.near(current.get(0)).map(c -> FootprintComparison.of(
                            FootprintFile.read(b), FootprintFile.read(c), options.threshold())));
            if (!json) {
                footprint.ifPresent(f -> f.lines().forEach(out::println));
                out.flush();
            }
            return comparison.fails(failOnMissing) || footprint.map(f -> f.fails(failOnMissing)).orElse(false) ? 1 : 0;
        } catch (BadInputException | IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        }
    }

    /**
     * {@return the warnings to print when the environments differ and that is allowed}
     *
     * @throws BadInputException naming CURRENT's environment file if the method versions differ, or
     *                           if the environments differ and that is not allowed
     */
    static List<String> refusals(Side base, Side current, boolean allowDifferentEnvironment) {
        if (!base.methodVersion().equals(current.methodVersion())) {
            throw new BadInputException(current.describedBy(), "methodVersion " + base.methodVersion() + " -> "
                    + current.methodVersion() + " (expected: the method version of " + base.describedBy()
                    + "; a change in how a number is measured is not a regression)");
        }
        List<String> differences = base.differences(current);
        if (differences.isEmpty()) {
            return List.of();
        }
        String listed = String.join(", ", differences);
        if (!allowDifferentEnvironment) {
            throw new BadInputException(current.describedBy(), listed + " (expected: the machine, cores and JDK of "
                    + base.describedBy() + "; --allow-different-environment to compare anyway)");
        }
        return List.of("environments differ (" + listed + "): every point may differ for that alone");
    }

    /** {@return whether {@code side} is one footprint.json file (not a run directory or JMH file)} */
    static boolean isFootprint(List<Path> side) {
        return side.size() == 1 && side.get(0).getFileName() != null
                && side.get(0).getFileName().toString().equals(FootprintFile.FILE_NAME) && Files.isRegularFile(side.get(0));
    }

    private static void write(String flag, Path file, String text) {
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
}
