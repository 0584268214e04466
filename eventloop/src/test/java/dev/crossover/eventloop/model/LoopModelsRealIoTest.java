package dev.crossover.eventloop.model;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.IoOptions;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.Models;
import dev.crossover.core.RealIoContract;
import dev.crossover.server.DelayServer;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The real-I/O contract for the eventloop models: a non-blocking client on the loop's own Selector; files offloaded. */
class LoopModelsRealIoTest {
    private static DelayServer server;

    @BeforeAll
    static void start() throws InterruptedException {
        server = DelayServer.start(DelayServer.loopback(0), 1);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    abstract static class Base extends RealIoContract {
        abstract String id();

        @Override
        protected ConcurrencyModel newModel(IoOptions io) {
            return Models.create(id(), ModelOptions.defaults().withIo(io));
        }

        @Override
        protected InetSocketAddress server() {
            return server.address();
        }
    }

    @Nested
    class OnLoop extends Base {
        @Override
        String id() {
            return "eventloop";
        }
    }

    @Nested
    class Offload extends Base {
        @Override
        String id() {
            return "eventloop-offload";
        }
    }
}
