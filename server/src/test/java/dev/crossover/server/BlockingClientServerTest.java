package dev.crossover.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.Body;
import dev.crossover.core.http.BlockingClient;
import dev.crossover.core.http.HttpStatusException;
import java.io.IOException;
import java.net.ConnectException;
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
    void aStoppedServerRefusesTheNextRequest() throws Exception {
        DelayServer server = DelayServer.start(DelayServer.loopback(0), 1);
        try (BlockingClient client = new BlockingClient(server.address())) {
            client.get(0, 1, 1, TIMEOUT);
            server.close();
            IOException e = assertThrows(IOException.class, () -> client.get(0, 1, 1, TIMEOUT));
            assertInstanceOf(ConnectException.class, e, "the pooled connection is stale, the new one refused: " + e);
        } finally {
            server.close();
        }
    }
}
