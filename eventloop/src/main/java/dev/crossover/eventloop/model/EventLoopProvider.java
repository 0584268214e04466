package dev.crossover.eventloop.model;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.ModelProvider;

/** Provides the {@code eventloop} model: one loop thread that also runs every task's CPU work. */
public final class EventLoopProvider implements ModelProvider {
    @Override
    public String id() {
        return EventLoopModel.ID;
    }

    @Override
    public String description() {
        return "one event-loop thread on a java.nio Selector; CPU work runs on it and blocks it (asyncio, Node.js)";
    }

    @Override
    public ConcurrencyModel create(ModelOptions options) {
        return EventLoopModel.onLoop(options.io());
    }
}
