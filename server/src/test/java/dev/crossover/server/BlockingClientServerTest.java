package dev.crossover.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.Body;
import dev.crossover.core.http.BlockingClient;
import dev.crossover.core.http.HttpStatusException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Core's hand-written codec and blocking client against the Netty server: each side checks the other. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BlockingClientServerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void receivesTheTokensBytesOverOneKeptAliveConnection() throws Exception {
        try (DelayServer server = DelayServer.start(DelayServer.loopback(0), 1);
             BlockingClient client = new BlockingClient(server.address())) {
            for (int token = 0; token < 20; token++) {
                int bytes = token * 997;
                assertEquals(Body.expectedChecksum(token, bytes), client.get(100_000, bytes, token, TIMEOUT));
            }
            assertEquals(1, client.openConnections(), "one request at a time needs one connection");
        }
    }

    @Test
    void holdsOneConnectionPerRequestInFlight() throws Exception {
        int inFlight = 50;
        try (DelayServer server = DelayServer.start(DelayServer.loopback(0), 1);
             BlockingClient client = new BlockingClient(server.address());
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Long>> sums = new ArrayList<>();
            for (int i = 0; i < inFlight * 4; i++) {
                long token = i;
                sums.add(threads.submit(() -> client.get(20_000_000, 64, token, TIMEOUT)));
            }
            for (int i = 0; i < sums.size(); i++) {
                assertEquals(Body.expectedChecksum(i, 64), sums.get(i).get(30, TimeUnit.SECONDS));
            }
            assertTrue(client.openConnections() <= sums.size(), "at most one connection per request");
            assertTrue(client.openConnections() >= 1);
        }
    }

    @Test
    void aRefusedRequestNamesItsStatusAndReason() throws Exception {
        try (DelayServer server = DelayServer.start(DelayServer.loopback(0), 1);
             BlockingClient client = new BlockingClient(server.address())) {
            IOException e = assertThrows(IOException.class, () -> client.get(DelayRequest.MAX_DELAY_NANOS + 1_000_000, 1, 1, TIMEOUT));
            assertInstanceOf(HttpStatusException.class, e);
            assertEquals("status: 400 (expected: 200): ms: 3600001 (expected: between 0 and 3600000)", e.getMessage());
            assertEquals(Body.expectedChecksum(3, 3), client.get(0, 3, 3, TIMEOUT), "a new connection after the bad one");
        }
    }

    @Test
    void aStoppedServerFailsTheNextRequestWithinItsTimeout() throws Exception {
        DelayServer server = DelayServer.start(DelayServer.loopback(0), 1);
        try (BlockingClient client = new BlockingClient(server.address())) {
            client.get(0, 1, 1, TIMEOUT);
            server.close();
            // refused on a new connection, or (the old one not yet closed by the server) timed out: never a hang
            assertThrows(IOException.class, () -> client.get(0, 1, 1, Duration.ofSeconds(3)));
        } finally {
            server.close();
        }
    }

    @Test
    void connectionsHandedBetweenThreadsKeepEachResponseApart() throws Exception {
        int threads = 16;
        int each = 150;
        try (DelayServer server = DelayServer.start(DelayServer.loopback(0), 1);
             BlockingClient client = new BlockingClient(server.address());
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t * each;
                wrong.add(pool.submit(() -> {
                    int bad = 0;
                    for (int token = first; token < first + each; token++) {
                        bad += client.get(0, 33, token, TIMEOUT) == Body.expectedChecksum(token, 33) ? 0 : 1;
                    }
                    return bad;
                }));
            }
            for (Future<Integer> w : wrong) {
                assertEquals(0, w.get(60, TimeUnit.SECONDS), "responses checked against the token each thread asked for");
            }
        }
    }
}
