package dev.crossover.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.Body;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The blocking client against a hand-made server that answers badly on purpose. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BlockingClientTest {
    /** What the fake server does with one connection after reading a request's head. */
    interface Answer {
        void answer(Socket socket, OutputStream out) throws IOException;
    }

    /** Serves each accepted connection with {@code answer}, one request, on a thread of its own. */
    static final class FakeServer implements AutoCloseable {
        final ServerSocket listening;
        final Thread acceptor;

        FakeServer(Answer answer) throws IOException {
            listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = Thread.ofPlatform().daemon().start(() -> {
                while (!listening.isClosed()) {
                    try (Socket s = listening.accept()) {
                        readHead(s.getInputStream());
                        answer.answer(s, s.getOutputStream());
                    } catch (IOException e) {
                        // the listening socket closed, or the client went away: the test decides
                    }
                }
            });
        }

        InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), listening.getLocalPort());
        }

        @Override
        public void close() throws Exception {
            listening.close();
            acceptor.join(10_000);
        }
    }

    static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("end of stream");
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    private static IOException failure(Answer answer, Duration timeout) throws Exception {
        try (FakeServer server = new FakeServer(answer); BlockingClient client = new BlockingClient(server.address())) {
            return assertThrows(IOException.class, () -> client.get(0, 10, 1, timeout));
        }
    }

    @Test
    void aTruncatedBodyFailsWithHowFarItGot() throws Exception {
        IOException e = failure((s, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(Body.of(1, 4));
        }, Duration.ofSeconds(20));
        assertInstanceOf(MalformedResponseException.class, e);
        assertEquals("body: truncated after 4 of 10 bytes (expected: Content-Length bytes before the end of stream)",
                e.getMessage());
    }

    @Test
    void aBadLengthFailsWithTheLength() throws Exception {
        IOException e = failure((s, out) -> out.write("HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII)), Duration.ofSeconds(20));
        assertEquals("content-length: \"ten\" (expected: a decimal number of bytes)", e.getMessage());
    }

    @Test
    void moreBytesThanTheLengthFail() throws Exception {
        IOException e = failure((s, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nabcdef".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }, Duration.ofSeconds(20));
        assertTrue(e.getMessage().endsWith("bytes after its end (expected: one response per request)"), e.getMessage());
    }

    @Test
    void aResetFailsWithTheSocketsException() throws Exception {
        IOException e = failure((s, out) -> {
            s.setSoLinger(true, 0);  // close() then sends RST instead of FIN
        }, Duration.ofSeconds(20));
        assertInstanceOf(SocketException.class, e, e.toString());
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        IOException e = failure((s, out) -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }, Duration.ofMillis(300));
        assertInstanceOf(SocketTimeoutException.class, e, e.toString());
    }

    @Test
    void aStatusOtherThan200FailsWithItsBody() throws Exception {
        IOException e = failure((s, out) -> out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 8\r\n\r\nms: bad\n"
                .getBytes(StandardCharsets.US_ASCII)), Duration.ofSeconds(20));
        assertInstanceOf(HttpStatusException.class, e);
        assertEquals("status: 400 (expected: 200): ms: bad", e.getMessage());
    }

    @Test
    void noServerListeningIsRefused() throws Exception {
        InetSocketAddress nobody;
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = new InetSocketAddress(InetAddress.getLoopbackAddress(), taken.getLocalPort());
        }
        try (BlockingClient client = new BlockingClient(nobody)) {
            assertInstanceOf(ConnectException.class,
                    assertThrows(IOException.class, () -> client.get(0, 1, 1, Duration.ofSeconds(20))));
            assertEquals(0, client.openConnections(), "a failed connection is not kept");
        }
    }
}
