package dev.crossover.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossover.core.Body;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseParserTest {
    private static byte[] response(String head, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    @Test
    void parsesAResponseSplitAtEveryByte() throws Exception {
        byte[] body = Body.of(5, 300);
        byte[] bytes = response("HTTP/1.1 200 OK\r\nContent-Length: 300\r\ncontent-type: x\r\n\r\n", body);
        for (int split = 0; split <= bytes.length; split++) {
            ResponseParser parser = new ResponseParser();
            boolean done = parser.feed(ByteBuffer.wrap(bytes, 0, split));
            assertEquals(split == bytes.length, done, "split " + split);
            if (!done) {
                assertTrue(parser.feed(ByteBuffer.wrap(bytes, split, bytes.length - split)), "split " + split);
            }
            assertEquals(200, parser.status());
            assertEquals(Body.expectedChecksum(5, 300), parser.bodyChecksum());
            assertTrue(parser.keepAlive());
        }
    }

    @Test
    void stopsAtTheEndOfOneResponseAndResetsForTheNext() throws Exception {
        byte[] one = response("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n", Body.of(1, 3));
        byte[] two = response("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", new byte[0]);
        ByteBuffer both = ByteBuffer.allocate(one.length + two.length).put(one).put(two).flip();
        ResponseParser parser = new ResponseParser();
        assertTrue(parser.feed(both));
        assertEquals(two.length, both.remaining(), "the next response is left in the buffer");
        assertThrows(IllegalStateException.class, () -> parser.feed(both));
        parser.reset();
        assertTrue(parser.feed(both));
        assertFalse(parser.keepAlive());
        assertEquals(Body.expectedChecksum(0, 0), parser.bodyChecksum());
    }

    @Test
    void keepsTheStartOfAnErrorBody() throws Exception {
        ResponseParser parser = new ResponseParser();
        assertTrue(parser.feed(ByteBuffer.wrap(response("HTTP/1.1 400 Bad Request\r\nContent-Length: 9\r\n\r\n",
                "ms: bad\r\n".getBytes(StandardCharsets.US_ASCII)))));
        assertEquals(400, parser.status());
        assertEquals("ms: bad", parser.keptBody());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            HTTP/1.0 200 OK\\r\\nContent-Length: 0\\r\\n\\r\\n                       | status line: "HTTP/1.0 200 OK" (expected: HTTP/1.1 NNN reason)
            HTTP/1.1 2x0 OK\\r\\nContent-Length: 0\\r\\n\\r\\n                       | status line: "HTTP/1.1 2x0 OK" (expected: HTTP/1.1 NNN reason)
            HTTP/1.1 200 OK\\r\\n\\r\\n                                            | content-length: missing (expected: a Content-Length header)
            HTTP/1.1 200 OK\\r\\nContent-Length: -4\\r\\n\\r\\n                      | content-length: "-4" (expected: a decimal number of bytes)
            HTTP/1.1 200 OK\\r\\nContent-Length: lots\\r\\n\\r\\n                    | content-length: "lots" (expected: a decimal number of bytes)
            HTTP/1.1 200 OK\\r\\nContent-Length: 2\\r\\nContent-Length: 3\\r\\n\\r\\n | content-length: 2 and 3 (expected: one length)
            HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n              | transfer-encoding: "chunked" (expected: Content-Length framing)
            HTTP/1.1 200 OK\\nContent-Length: 0\\r\\n\\r\\n                          | line: "HTTP/1.1 200 OK" ends with a bare LF (expected: CRLF)
            HTTP/1.1 200 OK\\r\\nnocolon\\r\\n\\r\\n                                 | header: "nocolon" (expected: name: value)
            """)
    void rejectsWhatItDoesNotAcceptWithTheReason(String head, String message) {
        byte[] bytes = head.strip().replace("\\r", "\r").replace("\\n", "\n").getBytes(StandardCharsets.US_ASCII);
        MalformedResponseException e = assertThrows(MalformedResponseException.class,
                () -> new ResponseParser().feed(ByteBuffer.wrap(bytes)));
        assertEquals(message.strip(), e.getMessage());
    }

    @Test
    void anEndOfStreamInsideTheResponseIsATruncation() throws Exception {
        ResponseParser body = new ResponseParser();
        assertFalse(body.feed(ByteBuffer.wrap(response("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n", Body.of(1, 4)))));
        assertEquals("body: truncated after 4 of 10 bytes (expected: Content-Length bytes before the end of stream)",
                assertThrows(MalformedResponseException.class, body::endOfStream).getMessage());

        ResponseParser head = new ResponseParser();
        assertFalse(head.feed(ByteBuffer.wrap("HTTP/1.1 200".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("head: truncated after 12 bytes (expected: a complete head before the end of stream)",
                assertThrows(MalformedResponseException.class, head::endOfStream).getMessage());

        assertEquals("response: connection closed before any byte of it (expected: a response to the request)",
                assertThrows(MalformedResponseException.class, new ResponseParser()::endOfStream).getMessage());
    }

    @Test
    void rejectsAnOverlongHead() {
        byte[] huge = ("HTTP/1.1 200 OK\r\nX: " + "y".repeat(ResponseParser.MAX_HEAD) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals("head: over 8192 bytes (expected: at most 8192)", assertThrows(MalformedResponseException.class,
                () -> new ResponseParser().feed(ByteBuffer.wrap(huge))).getMessage());
    }

    @Test
    void writesTheDelayRequest() {
        assertEquals("GET /delay?ms=50&bytes=64&token=-3 HTTP/1.1\r\nHost: 127.0.0.1:80\r\n\r\n",
                new String(DelayRequests.of("127.0.0.1:80", 50_000_000, 64, -3), StandardCharsets.US_ASCII));
        assertEquals("GET /delay?ms=0.25&bytes=0&token=1 HTTP/1.1\r\nHost: h:1\r\n\r\n",
                new String(DelayRequests.of("h:1", 250_000, 0, 1), StandardCharsets.US_ASCII));
        assertEquals("GET /delay?ms=0&bytes=0&token=1 HTTP/1.1\r\nHost: h:1\r\n\r\n",
                new String(DelayRequests.of("h:1", 0, 0, 1), StandardCharsets.US_ASCII));
    }
}
