package dev.crossover.core.http;

import dev.crossover.core.Body;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Parses one HTTP/1.1 response at a time as its bytes arrive, from any number of buffers: the
 * status line, the headers, and a body framed by {@code Content-Length}, whose bytes go into a
 * {@link Body.Sum} and are not kept (but for the first {@value #KEPT} of a response that is not
 * {@code 200}, for its error message). It accepts exactly that and rejects the rest with a
 * {@link MalformedResponseException} that names what was wrong: another version than
 * {@code HTTP/1.1}, a head over {@value #MAX_HEAD} bytes, a missing, repeated or non-numeric
 * {@code Content-Length}, {@code Transfer-Encoding}, and an end of stream before the response
 * ended (a truncated body).
 *
 * <h2>Usage</h2>
 * {@snippet :
 * ResponseParser parser = new ResponseParser();
 * while (!parser.feed(buffer)) {      // consumes up to the end of this response, no further
 *     if (channel.read(buffer.clear()) < 0) parser.endOfStream();  // throws: truncated
 *     buffer.flip();
 * }
 * long sum = parser.bodyChecksum();  // then parser.reset() for the next response on the connection
 * }
 *
 * <h2>Threading</h2>
 * Not thread-safe: one connection's reader uses it.
 */
public final class ResponseParser {
    /** The longest head (status line and headers) accepted. */
    public static final int MAX_HEAD = 8192;
    /** How many body bytes of a non-200 response are kept for its message. */
    public static final int KEPT = 200;

    private enum State { HEAD, BODY, DONE }

    private final StringBuilder line = new StringBuilder();
    private final StringBuilder kept = new StringBuilder();
    private State state;
    private int headBytes;
    private int status;
    private long contentLength;
    private boolean keepAlive;
    private Body.Sum sum;

    public ResponseParser() {
        reset();
    }

    /** Makes the parser ready for the next response on the same connection. */
    public void reset() {
        state = State.HEAD;
        line.setLength(0);
        kept.setLength(0);
        headBytes = 0;
        status = -1;
        contentLength = -1;
        keepAlive = true;
        sum = new Body.Sum();
    }

    /**
     * Consumes bytes of {@code in} up to the end of the current response.
     *
     * @return whether the response is complete
     * @throws MalformedResponseException if the bytes break the rules above
     * @throws IllegalStateException if the response was already complete (call {@link #reset()} first)
     */
    public boolean feed(ByteBuffer in) throws MalformedResponseException {
        if (state == State.DONE) {
            throw new IllegalStateException("parser: complete (expected: reset() before the next response)");
        }
        while (in.hasRemaining() && state == State.HEAD) {
            byte b = in.get();
            if (++headBytes > MAX_HEAD) {
                throw new MalformedResponseException("head: over " + MAX_HEAD + " bytes (expected: at most " + MAX_HEAD + ")");
            }
            if (b == '\n') {
                int end = line.length();
                if (end == 0 || line.charAt(end - 1) != '\r') {
                    throw new MalformedResponseException("line: " + quote(line) + " ends with a bare LF (expected: CRLF)");
                }
                line.setLength(end - 1);
                headLine();
                line.setLength(0);
            } else {
                line.append((char) (b & 0xFF));
            }
        }
        if (state == State.BODY) {
            long left = contentLength - sum.count();
            int take = (int) Math.min(left, in.remaining());
            if (status != 200) {
                for (int k = 0; k < take && kept.length() < KEPT; k++) {
                    kept.append((char) (in.get(in.position() + k) & 0xFF));
                }
            }
            ByteBuffer part = in.slice(in.position(), take);
            in.position(in.position() + take);
            sum.add(part);
            if (sum.count() == contentLength) {
                state = State.DONE;
            }
        }
        return state == State.DONE;
    }

    private void headLine() throws MalformedResponseException {
        if (status < 0) {
            statusLine();
            return;
        }
        if (line.isEmpty()) {  // the blank line: the head is over
            if (contentLength < 0) {
                throw new MalformedResponseException("content-length: missing (expected: a Content-Length header)");
            }
            state = contentLength == 0 ? State.DONE : State.BODY;
            return;
        }
        int colon = line.indexOf(":");
        if (colon <= 0) {
            throw new MalformedResponseException("header: " + quote(line) + " (expected: name: value)");
        }
        String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = line.substring(colon + 1).trim();
        switch (name) {
            case "content-length" -> {
                long length;
                try {
                    length = value.chars().allMatch(Character::isDigit) && !value.isEmpty() && value.length() <= 18
                            ? Long.parseLong(value) : -1;
                } catch (NumberFormatException e) {
                    length = -1;
                }
                if (length < 0) {
                    throw new MalformedResponseException("content-length: " + quote(value) + " (expected: a decimal number of bytes)");
                }
                if (contentLength >= 0 && contentLength != length) {
                    throw new MalformedResponseException("content-length: " + contentLength + " and " + length
                            + " (expected: one length)");
                }
                contentLength = length;
            }
            case "transfer-encoding" -> throw new MalformedResponseException("transfer-encoding: " + quote(value)
                    + " (expected: Content-Length framing)");
            case "connection" -> keepAlive = !value.equalsIgnoreCase("close");
            default -> {
                // other headers are not the client's business
            }
        }
    }

    private void statusLine() throws MalformedResponseException {
        String text = line.toString();
        if (!text.startsWith("HTTP/1.1 ") || text.length() < 12 || (text.length() > 12 && text.charAt(12) != ' ')) {
            throw new MalformedResponseException("status line: " + quote(text) + " (expected: HTTP/1.1 NNN reason)");
        }
        String code = text.substring(9, 12);
        if (!code.chars().allMatch(Character::isDigit)) {
            throw new MalformedResponseException("status line: " + quote(text) + " (expected: HTTP/1.1 NNN reason)");
        }
        status = Integer.parseInt(code);
    }

    /**
     * Says the connection ended (read returned -1).
     *
     * @throws MalformedResponseException always, unless nothing of a response had arrived yet (then
     *         too, but saying the connection closed before the response), naming how far the response got
     */
    public void endOfStream() throws MalformedResponseException {
        if (state == State.BODY) {
            throw new MalformedResponseException("body: truncated after " + sum.count() + " of " + contentLength
                    + " bytes (expected: Content-Length bytes before the end of stream)");
        }
        if (state == State.HEAD && headBytes > 0) {
            throw new MalformedResponseException("head: truncated after " + headBytes
                    + " bytes (expected: a complete head before the end of stream)");
        }
        if (state == State.HEAD) {
            throw new MalformedResponseException("response: connection closed before any byte of it "
                    + "(expected: a response to the request)");
        }
    }

    /** {@return whether the current response is complete} */
    public boolean isComplete() {
        return state == State.DONE;
    }

    /** {@return the status code} @throws IllegalStateException before the status line */
    public int status() {
        if (status < 0) {
            throw new IllegalStateException("status: none yet (expected: a parsed status line)");
        }
        return status;
    }

    /** {@return the body's length, from Content-Length; -1 before the head is over} */
    public long contentLength() {
        return contentLength;
    }

    /** {@return the checksum of the body bytes received so far ({@link Body.Sum})} */
    public long bodyChecksum() {
        return sum.value();
    }

    /** {@return whether the server keeps the connection open after this response} */
    public boolean keepAlive() {
        return keepAlive;
    }

    /** {@return the start of the body of a non-200 response, as text, for a message} */
    public String keptBody() {
        return kept.toString().strip();
    }

    private static String quote(CharSequence text) {
        String s = text.toString();
        return '"' + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + '"';
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
