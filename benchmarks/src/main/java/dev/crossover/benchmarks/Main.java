package dev.crossover.benchmarks;

import dev.crossover.benchmarks.cli.FootprintCommand;
import dev.crossover.benchmarks.cli.ModelsCommand;
import dev.crossover.benchmarks.cli.RunCommand;
import dev.crossover.benchmarks.cli.ScenarioCommand;
import dev.crossover.benchmarks.cli.SeedsCommand;
import dev.crossover.benchmarks.cli.ServerCommand;
import dev.crossover.benchmarks.cli.WorkloadsCommand;
import dev.crossover.benchmarks.python.PythonCommand;
import dev.crossover.reports.CompareCommand;
import dev.crossover.reports.HistoryCommand;
import dev.crossover.reports.ReportCommand;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code crossover} command line, the Main-Class of {@code benchmarks.jar}.
 *
 * <p>A first argument that is not one of its commands goes to JMH's own {@code Main}, so the jar
 * stays a normal JMH jar ({@code -l}, {@code -p model=...}, {@code SleepBenchmark}, ...); its forks
 * get {@link JvmFlags} as {@link JmhPassThrough} says. Every command answers {@code -h} and
 * {@code --help} with its usage on standard output and exit code 0, and so does
 * {@code help COMMAND} ({@code help} alone: this usage).
 * Exit codes: 0 success, 1 failed tasks, 2 bad usage or input (one line naming what was wrong).
 */
@Command(name = "crossover", mixinStandardHelpOptions = true, version = "crossover 0.1.0",
        description = "When does each concurrency model win? Anything else is passed to JMH.",
        subcommands = {ScenarioCommand.class, ServerCommand.class, ModelsCommand.class, WorkloadsCommand.class, SeedsCommand.class,
                RunCommand.class, FootprintCommand.class, PythonCommand.class, ReportCommand.class, CompareCommand.class, HistoryCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && !commandLine().getSubcommands().containsKey(args[0])
                && !Set.of("-h", "--help", "-V", "--version").contains(args[0])) {
            org.openjdk.jmh.Main.main(JmhPassThrough.withForkFlags(List.of(args), JvmFlags::versionOf)
                    .toArray(String[]::new));
            return;
        }
        System.exit(execute(args));
    }

    /** {@return the exit code of running {@code args}}, printing to the standard streams */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** {@return the exit code of running {@code args}}, printing to {@code out} and {@code err} */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        if (args.length == 0) {
            cli.usage(err);
            return 2;
        }
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.getSubcommands().values().forEach(Main::answerHelp);
        cli.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("crossover: " + e.getMessage());
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof IllegalArgumentException) {
                err.println("crossover: " + e.getMessage());
                return 2;
            }
            err.println("crossover: " + commandLine.getCommandName() + " failed: " + e);
            return 1;
        });
        return cli;
    }

    /** Gives {@code command} {@code -h} and {@code --help} unless it has a usage-help option already. */
    private static void answerHelp(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        if (spec.options().stream().noneMatch(OptionSpec::usageHelp)) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help message and exit.").build());
        }
    }
}
