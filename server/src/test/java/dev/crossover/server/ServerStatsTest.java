package dev.crossover.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.core.Body;
import dev.crossover.core.http.BlockingClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server's own figures: {@code GET /stats}, its reset, and what it counts. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServerStatsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private DelayServer server;

    @BeforeEach
    void start() throws InterruptedException {
        server = DelayServer.start(DelayServer.loopback(0), 2);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ServerStats fetch(boolean reset) throws IOException {
        return StatsClient.fetch(server.address(), reset, TIMEOUT);
    }

    @Test
    void countsEveryAnswerAndRecordsItsLateness() throws Exception {
        try (BlockingClient client = new BlockingClient(server.address())) {
            for (int i = 0; i < 25; i++) {
                assertEquals(Body.expectedChecksum(i, 10), client.get(TimeUnit.MILLISECONDS.toNanos(2), 10, i, TIMEOUT));
            }
        }
        ServerStats s = fetch(false);
        assertEquals(25, s.answered());
        assertEquals(25, server.answered());
        assertTrue(s.latenessP50Micros() >= 0 && s.latenessP50Micros() <= s.latenessP99Micros()
                && s.latenessP99Micros() <= s.latenessMaxMicros(), s.toString());
        assertTrue(s.elapsedSeconds() > 0, s.toString());
        assertTrue(s.requestsPerSecond() > 0, s.toString());
        assertEquals(25, fetch(false).answered(), "a stats request is not an answer");
    }

    @Test
    void resetAnswersTheEndedIntervalAndStartsAnEmptyOne() throws Exception {
        try (BlockingClient client = new BlockingClient(server.address())) {
            for (int i = 0; i < 5; i++) {
                client.get(0, 1, i, TIMEOUT);
            }
            assertEquals(5, fetch(true).answered());
            ServerStats empty = fetch(false);
            assertEquals(0, empty.answered());
            assertEquals(0, empty.latenessMaxMicros());
            for (int i = 0; i < 3; i++) {
                client.get(0, 1, i, TIMEOUT);
            }
        }
        assertEquals(3, fetch(false).answered());
        assertEquals(8, server.answered(), "the total since start is kept");
        assertEquals(3, server.stats().answered());
    }

    @Test
    void statsIsAJsonObjectOfTheFiveFigures() throws Exception {
        try (BlockingClient client = new BlockingClient(server.address())) {
            client.get(0, 1, 1, TIMEOUT);
        }
        String response = raw("GET /stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        assertTrue(response.toLowerCase().contains("content-type: application/json"), response);
        Map<String, Object> json = new ObjectMapper().readValue(response.substring(response.indexOf("\r\n\r\n") + 4),
                new TypeReference<Map<String, Object>>() { });
        assertEquals(List.of("answered", "elapsedSeconds", "latenessP50Micros", "latenessP99Micros", "latenessMaxMicros"),
                List.copyOf(json.keySet()));
        assertEquals(1, ((Number) json.get("answered")).intValue());
        json.values().forEach(v -> assertTrue(((Number) v).doubleValue() >= 0, json.toString()));
    }

    @Test
    void rejectsAnotherQuery() throws Exception {
        String response = raw("GET /stats?reset=yes HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 400 Bad Request\r\n"), response);
        assertTrue(response.endsWith("stats: /stats?reset=yes (expected: /stats or /stats?reset=1)\n"), response);
        IOException e = assertThrows(IOException.class, () -> StatsClient.parse("HTTP/1.1 400 Bad Request\r\n\r\nno"));
        assertEquals("stats: \"HTTP/1.1 400 Bad Request\" (expected: HTTP/1.1 200 and a body)", e.getMessage());
    }

    @Test
    void statsJsonRoundTripsAndMergesForks() {
        ServerStats a = new ServerStats(100, 2.0, 10, 50, 90);
        assertEquals(a, ServerStats.parse(a.toJson()));
        assertEquals(50.0, a.requestsPerSecond());
        ServerStats both = a.merge(new ServerStats(300, 2.0, 20, 40, 200));
        assertEquals(new ServerStats(400, 4.0, 20, 50, 200), both);
        assertEquals(100.0, both.requestsPerSecond());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ServerStats.parse("{\"answered\":1}"));
        assertTrue(bad.getMessage().startsWith("stats: {\"answered\":1} (expected: the JSON object of GET /stats)"),
                bad.getMessage());
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
