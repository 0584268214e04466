package dev.crossover.eventloop.netty;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.ModelProvider;

/** Provides the {@code netty} model: one Netty NIO event loop; timers are scheduled tasks, CPU work runs on the loop. */
public final class NettyProvider implements ModelProvider {
    @Override
    public String id() {
        return NettyModel.ID;
    }

    @Override
    public String description() {
        return "one Netty NioEventLoop thread; waits are scheduled tasks, CPU work runs on the loop (Netty, Vert.x)";
    }

    @Override
    public ConcurrencyModel create(ModelOptions options) {
        return NettyModel.nio(options.io());
    }
}
