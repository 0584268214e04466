package dev.crossover.eventloop.netty;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.ModelProvider;
import io.netty.channel.epoll.Epoll;
import java.util.Optional;

/**
 * Provides the {@code netty-epoll} model: the {@code netty} model on Netty's native epoll
 * transport. Where the native library does not load (not Linux, another architecture, a missing
 * {@code linux-x86_64} jar), {@link #unavailable()} gives Netty's reason and the model is listed as
 * unavailable; nothing runs NIO in its place under its name.
 */
public final class NettyEpollProvider implements ModelProvider {
    @Override
    public String id() {
        return NettyModel.EPOLL_ID;
    }

    @Override
    public String description() {
        return "one Netty epoll event loop thread (native transport, timerfd timers); CPU work runs on the loop "
                + "(Netty in production on Linux)";
    }

    @Override
    public Optional<String> unavailable() {
        if (Epoll.isAvailable()) {
            return Optional.empty();
        }
        Throwable cause = Epoll.unavailabilityCause();
        return Optional.of("Netty's native epoll transport does not load here: "
                + (cause == null ? "no reason given" : cause.getClass().getSimpleName() + ": " + cause.getMessage()));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the native transport is unavailable, with the reason
     */
    @Override
    public ConcurrencyModel create(ModelOptions options) {
        unavailable().ifPresent(reason -> {
            throw new IllegalStateException("model: " + id() + " unavailable: " + reason
                    + " (expected: a model that runs on this machine)");
        });
        return NettyModel.epoll(options.io());
    }
}
