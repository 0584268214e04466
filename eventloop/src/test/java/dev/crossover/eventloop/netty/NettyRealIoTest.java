package dev.crossover.eventloop.netty;

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

/** The real-I/O contract for the netty models: Netty's HTTP client codec on the model's loop (NIO, epoll). */
class NettyRealIoTest {
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

        @Override
        protected boolean supportsFile() {
            return false;
        }
    }

    @Nested
    class Nio extends Base {
        @Override
        String id() {
            return "netty";
        }
    }

    @Nested
    class Epoll extends Base {
        @Override
        String id() {
            return "netty-epoll";
        }
    }
}
