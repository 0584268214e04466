package dev.crossover.processes;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.ModelProvider;

/** Provides {@code processes-eventloop}: worker JVMs each running an event loop. */
public final class ProcessesEventLoopProvider implements ModelProvider {
    @Override
    public String id() {
        return WorkerMode.EVENT_LOOP.modelId();
    }

    @Override
    public String description() {
        return "P worker JVMs over pipes, each running an event loop (gunicorn with async workers)";
    }

    @Override
    public String defaults(ModelOptions options) {
        return "workers=" + options.workers() + ", task-timeout=" + options.taskTimeout().toSeconds() + "s";
    }

    @Override
    public ConcurrencyModel create(ModelOptions options) {
        return ProcessesModel.eventLoop(options);
    }
}
