package dev.crossover.server;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One {@code GET /delay?ms=&bytes=&token=} request, parsed and checked.
 *
 * @param delayNanos how long the server waits before it answers ({@code ms}, decimals allowed: {@code 0.5})
 * @param bytes      how many body bytes it answers with
 * @param token      whose bytes they are (see {@link dev.crossover.core.Body})
 */
record DelayRequest(long delayNanos, int bytes, long token) {
    /** The longest delay a request may ask for: an hour. */
    static final long MAX_DELAY_NANOS = 3_600_000_000_000L;
    /** The largest body a request may ask for: 16 MiB. */
    static final int MAX_BYTES = 16 << 20;

    /**
     * {@return the request that {@code path} and its decoded {@code query} parameters ask for}
     * @throws IllegalArgumentException naming the parameter, if one is missing or out of range, or the path is not {@code /delay}
     */
    static DelayRequest parse(String path, Map<String, List<String>> query) {
        if (!path.equals("/delay")) {
            throw new IllegalArgumentException("path: " + path + " (expected: /delay)");
        }
        String ms = one(query, "ms");
        long nanos;
        try {
            nanos = new BigDecimal(ms).movePointRight(6).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("ms: " + ms + " (expected: milliseconds, at most 6 decimals)");
        }
        if (nanos < 0 || nanos > MAX_DELAY_NANOS) {
            throw new IllegalArgumentException("ms: " + ms + " (expected: between 0 and 3600000)");
        }
        String size = query.containsKey("bytes") ? one(query, "bytes") : "0";
        int bytes;
        try {
            bytes = Integer.parseInt(size);
        } catch (NumberFormatException e) {
            bytes = -1;
        }
        if (bytes < 0 || bytes > MAX_BYTES) {
            throw new IllegalArgumentException("bytes: " + size + " (expected: between 0 and " + MAX_BYTES + ")");
        }
        String seed = query.containsKey("token") ? one(query, "token") : "0";
        long token;
        try {
            token = Long.parseLong(seed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("token: " + seed + " (expected: a signed 64-bit decimal)");
        }
        return new DelayRequest(nanos, bytes, token);
    }

    private static String one(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.size() != 1) {
            throw new IllegalArgumentException(name + ": " + (values == null ? "missing" : values)
                    + " (expected: exactly one value)");
        }
        return values.get(0);
    }
}
