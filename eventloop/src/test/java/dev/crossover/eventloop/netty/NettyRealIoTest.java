package dev.crossover.eventloop.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.ConcurrencyModel;
import dev.crossover.core.Driver;
import dev.crossover.core.IoOptions;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.Models;
import dev.crossover.core.RealIoContract;
import dev.crossover.core.RunResult;
import dev.crossover.core.Workload;
import dev.crossover.core.WorkloadKind;
import dev.crossover.server.DelayServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real-I/O contract for the netty models: Netty's HTTP client codec on the model's loop (NIO, epoll); files on the model's pool. */
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

        /** The file round trips run on the model's own pool, whose threads close() joins: none is left once it returns. */
        @Test
        void fileTasksRunOnTheModelsPoolWhichCloseJoins(@TempDir Path directory) throws java.io.IOException {
            Workload workload = Workload.builder(WorkloadKind.FILE).seed(3).tasks(40).concurrency(8).io(Duration.ZERO)
                    .bytes(4096).build();
            Set<String> seen = ConcurrentHashMap.newKeySet();
            try (ConcurrencyModel model = newModel(IoOptions.none().withDirectory(directory))) {
                assertEquals(FileOffload.MECHANISM, model.mechanism(WorkloadKind.FILE));
                RunResult result = Driver.run(model, workload);
                assertEquals(workload.referenceChecksum(), result.checksum());
                Thread.getAllStackTraces().keySet().forEach(t -> seen.add(t.getName()));
            }
            String prefix = "crossover-" + id() + "-file-";
            assertTrue(seen.stream().anyMatch(n -> n.startsWith(prefix)), "the pool ran them: " + seen);
            assertEquals(List.of(), Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .filter(n -> n.startsWith(prefix)).toList(), "close() joined the pool");
            try (java.util.stream.Stream<Path> left = java.nio.file.Files.list(directory)) {
                assertEquals(0, left.count(), "each task deletes its file");
            }
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
