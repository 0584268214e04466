package dev.crossover.processes;

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

/** The real-I/O contract for the process models: the workers get the server and directory, and block or loop. */
class ProcessesRealIoTest {
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
            return Models.create(id(), ModelOptions.defaults().withWorkers(2).withIo(io));
        }

        @Override
        protected InetSocketAddress server() {
            return server.address();
        }
    }

    @Nested
    class Serial extends Base {
        @Override
        String id() {
            return "processes";
        }
    }

    @Nested
    class Loop extends Base {
        @Override
        String id() {
            return "processes-eventloop";
        }
    }
}
