package dev.crossover.processes;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.ModelProvider;

/** Provides {@code processes}: worker JVMs running one task at a time each. */
public final class ProcessesProvider implements ModelProvider {
    @Override
    public String id() {
        return WorkerMode.SERIAL.modelId();
    }

    @Override
    public String description() {
        return "P worker JVMs over pipes, one task at a time each (multiprocessing.Pool, pre-fork servers)";
    }

    @Override
    public String defaults(ModelOptions options) {
        return "workers=" + options.workers() + ", task-timeout=" + options.taskTimeout().toSeconds() + "s";
    }

    @Override
    public int parallelism(ModelOptions options) {
        return options.workers();  // one task at a time each
    }

    @Override
    public ConcurrencyModel create(ModelOptions options) {
        return ProcessesModel.serial(options);
    }
}
