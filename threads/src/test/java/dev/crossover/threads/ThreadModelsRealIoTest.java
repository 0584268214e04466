package dev.crossover.threads;

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

/** The real-I/O contract for each thread model: blocking sockets from a keep-alive pool, blocking files. */
class ThreadModelsRealIoTest {
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
            return Models.create(id(), ModelOptions.defaults().withThreads(50).withIo(io));
        }

        @Override
        protected InetSocketAddress server() {
            return server.address();
        }
    }

    @Nested
    class Fixed extends Base {
        @Override
        String id() {
            return "threads-fixed";
        }
    }

    @Nested
    class PerTask extends Base {
        @Override
        String id() {
            return "threads-per-task";
        }
    }

    @Nested
    class ForkJoin extends Base {
        @Override
        String id() {
            return "threads-forkjoin";
        }
    }

    @Nested
    class Virtual extends Base {
        @Override
        String id() {
            return "threads-virtual";
        }
    }
}
