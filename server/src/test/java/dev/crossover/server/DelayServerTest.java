package dev.crossover.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.Body;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DelayServerTest {
    private static DelayServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() throws InterruptedException {
        server = DelayServer.start(DelayServer.loopback(0));
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://" + server.hostAndPort() + pathAndQuery))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void bindsLoopbackOnAFreePortByDefault() {
        assertEquals("127.0.0.1", server.address().getAddress().getHostAddress());
        assertTrue(server.address().getPort() > 0, "a port the kernel gave");
    }

    @Test
    void answersWithTheTokensBytesAfterTheDelay() throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = get("/delay?ms=30&bytes=1000&token=-42");
        long tookNanos = System.nanoTime() - start;
        assertEquals(200, response.statusCode());
        assertEquals("1000", response.headers().firstValue("content-length").orElseThrow());
        assertArrayEquals(Body.of(-42, 1000), response.body());
        assertTrue(tookNanos >= TimeUnit.MILLISECONDS.toNanos(30), "never answers before the delay: " + tookNanos);
    }

    @Test
    void answersLargeAndEmptyBodies() throws Exception {
        assertArrayEquals(Body.of(7, 100_000), get("/delay?ms=0&bytes=100000&token=7").body());
        assertEquals(0, get("/delay?ms=0.5&token=7").body().length);
    }

    @Test
    void keepsTheConnectionOpenBetweenRequests() throws Exception {
        try (Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 3; i++) {
                out.write(("GET /delay?ms=1&bytes=5&token=" + i + " HTTP/1.1\r\nHost: x\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String head = readHead(in);
                assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n"), head);
                assertTrue(head.toLowerCase().contains("content-length: 5"), head);
                assertArrayEquals(Body.of(i, 5), in.readNBytes(5));
            }
        }
    }

    @Test
    void rejectsBadRequestsWithTheReason() throws Exception {
        HttpResponse<byte[]> noMs = get("/delay?bytes=5");
        assertEquals(400, noMs.statusCode());
        assertEquals("ms: missing (expected: exactly one value)\n", new String(noMs.body(), StandardCharsets.UTF_8));
        assertEquals("bytes: -1 (expected: between 0 and 16777216)\n",
                new String(get("/delay?ms=1&bytes=-1").body(), StandardCharsets.UTF_8));
        assertEquals("path: /other (expected: /delay)\n",
                new String(get("/other?ms=1").body(), StandardCharsets.UTF_8));
        assertEquals("token: x (expected: a signed 64-bit decimal)\n",
                new String(get("/delay?ms=1&token=x").body(), StandardCharsets.UTF_8));
    }

    @Test
    void bindsTheAddressItIsGiven() throws Exception {
        try (DelayServer other = DelayServer.start(new java.net.InetSocketAddress("127.0.0.2", 0), 1)) {
            assertEquals("127.0.0.2", other.address().getAddress().getHostAddress());
        }
    }

    @Test
    void countsWhatItAnswered() throws Exception {
        long before = server.answered();
        get("/delay?ms=0&bytes=1&token=1");
        assertTrue(server.answered() >= before + 1);
    }

    static String readHead(InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("end of stream in the head: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
