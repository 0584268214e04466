package dev.crossover.benchmarks.cli;

import dev.crossover.core.ModelOptions;
import dev.crossover.core.ModelProvider;
import dev.crossover.core.Models;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code models}: one model per line, its id first, then what it is and its defaults. */
@Command(name = "models", description = "Lists the concurrency models, one per line: id, what it is, defaults.")
public final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ModelOptions defaults = ModelOptions.defaults();
        for (ModelProvider provider : Models.providers()) {
            String settings = provider.defaults(defaults);
            out.printf("%-20s %s%s%s%n", provider.id(), provider.description(),
                    settings.isEmpty() ? "" : " (defaults: " + settings + ")",
                    provider.unavailable().map(reason -> " [unavailable: " + reason + "]").orElse(""));
        }
        out.flush();
        return 0;
    }
}
