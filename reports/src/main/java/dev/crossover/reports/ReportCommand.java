package dev.crossover.reports;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code report FILE... [--out DIR]}: writes {@code DIR/report.html} from JMH JSON result files
 * and prints its path.
 *
 * <p>Exit codes: 0 written; 2 bad input or usage, with one line on stderr naming the file (or
 * flag) and what is wrong.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes DIR/report.html from JMH JSON result files (any JMH project; several files merge into one report).")
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "JMH JSON result files (-rf json); a Crossover run directory stands for its results.json.")
    List<Path> files;

    @Option(names = "--margin", paramLabel = "FRACTION", defaultValue = "0.05", description = "The margin of the "
            + "decisions: a model wins a cell (and a claim holds) when it is better by more than this share, with 95%% "
            + "confidence over the forks; models within it are equivalent when the data shows it (default: ${DEFAULT-VALUE}).")
    double margin;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Where to write report.html (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() {
        try {
            if (!(margin > 0 && margin < 0.5)) {
                spec.commandLine().getErr().println("--margin: " + margin + " (expected: a fraction between 0 and 0.5, e.g. 0.05)");
                return 2;
            }
            Path report = Reports.write(files, out, margin);
            spec.commandLine().getOut().println(report);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (BadInputException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("--out: " + out + ": " + e.getMessage().replaceAll("[\\r\\n]+", " "));
            return 2;
        }
    }
}
