package dev.crossover.core.http;

import dev.crossover.core.Checks;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/** The one request the clients send: {@code GET /delay?ms=&bytes=&token=} to the delay server, keep-alive. */
public final class DelayRequests {
    private DelayRequests() {
    }

    /**
     * {@return the bytes of a request for {@code bytes} bytes of {@code token}'s body after {@code delayNanos}}, for {@code host}
     * (a {@code Host} header value, e.g. {@code 127.0.0.1:40123})
     */
    public static byte[] of(String host, long delayNanos, int bytes, long token) {
        Checks.notNegative("delayNanos", delayNanos);
        Checks.notNegative("bytes", bytes);
        String ms = BigDecimal.valueOf(delayNanos).movePointLeft(6).stripTrailingZeros().toPlainString();
        return ("GET /delay?ms=" + ms + "&bytes=" + bytes + "&token=" + token + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
