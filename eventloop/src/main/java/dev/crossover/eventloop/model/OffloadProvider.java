package dev.crossover.eventloop.model;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.ModelProvider;

/** Provides the {@code eventloop-offload} model: the same loop, CPU work handed to a pool. */
public final class OffloadProvider implements ModelProvider {
    @Override
    public String id() {
        return EventLoopModel.OFFLOAD_ID;
    }

    @Override
    public String description() {
        return "one event-loop thread; CPU work handed to a platform-thread pool (asyncio to_thread / run_in_executor)";
    }

    @Override
    public String defaults(ModelOptions options) {
        return "offload-threads=" + options.offloadThreads();
    }

    @Override
    public ConcurrencyModel create(ModelOptions options) {
        return EventLoopModel.withOffload(options.offloadThreads(), options.io());
    }
}
