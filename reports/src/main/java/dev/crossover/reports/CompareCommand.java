package dev.crossover.reports;

import dev.crossover.reports.compare.Comparison;
import dev.crossover.reports.compare.ComparisonWriter;
import dev.crossover.reports.compare.MetricChoice;
import dev.crossover.reports.compare.Options;
import dev.crossover.reports.jmh.JmhParser;
import dev.crossover.reports.jmh.JmhResult;
import dev.crossover.reports.jmh.Source;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code compare BASELINE CURRENT [--threshold 5%] [--metric auto|primary|NAME] [--json] [--fail-on-missing]}:
 * compares two JMH JSON result files point by point and prints one line per point, worst first,
 * then a summary (see {@link Comparison} for the rules).
 *
 * <p>Exit codes: 0 no regression; 1 at least one point regressed (or, with
 * {@code --fail-on-missing}, is missing from CURRENT); 2 bad input or usage, with one line on
 * stderr naming the file (or flag) and what is wrong.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compares two JMH JSON result files; exits 1 if a point regressed beyond the threshold and beyond noise.")
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE", description = "The reference JMH JSON file (or run directory holding results.json).")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CURRENT", description = "The JMH JSON file (or run directory) to check.")
    Path current;

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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Options options = new Options(Options.parseThreshold(threshold), MetricChoice.parse(metric));
            Comparison comparison = Comparison.of(read(baseline), read(current), options);
            if (json) {
                out.println(ComparisonWriter.json(comparison, failOnMissing));
            } else {
                ComparisonWriter.lines(comparison).forEach(out::println);
            }
            out.flush();
            return comparison.fails(failOnMissing) ? 1 : 0;
        } catch (BadInputException | IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        }
    }

    private static List<JmhResult> read(Path given) {
        Path file = Reports.resultsFile(given);
        return JmhParser.parse(file, new Source(file, file.toString(), Map.of()));
    }
}
