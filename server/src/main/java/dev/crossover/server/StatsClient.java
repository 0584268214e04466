package dev.crossover.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Asks a delay server for its own figures: one {@code GET /stats} (or {@code /stats?reset=1}) on a
 * plain socket of its own, {@code Connection: close}, read to the end. No pool and no thread: it
 * is called a few times per trial, outside the measured work.
 */
public final class StatsClient {
    private static final int MAX_RESPONSE = 64 * 1024;
    /** How long {@link #fetchOrFail} waits for an answer. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    private StatsClient() {
    }

    /**
     * {@return the server's figures at {@code server}}: the current interval's, or with {@code reset}
     * the figures of the interval it ends (a new one starts)
     * @throws IOException if the server cannot be reached within {@code timeout}, or answers otherwise than 200 with a stats object
     */
    public static ServerStats fetch(InetSocketAddress server, boolean reset, Duration timeout) throws IOException {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (Socket socket = new Socket()) {
            socket.connect(server, millis);
            socket.setSoTimeout(millis);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + DelayHandler.STATS_PATH + (reset ? "?reset=1" : "") + " HTTP/1.1\r\nHost: "
                    + server.getHostString() + ":" + server.getPort() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                response.write(buffer, 0, n);
                if (response.size() > MAX_RESPONSE) {
                    throw new IOException("stats: a response over " + MAX_RESPONSE + " bytes (expected: a small JSON object)");
                }
            }
            return parse(response.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * {@return {@link #fetch} within {@link #WAIT}}, for a caller whose trial cannot go on without the figures
     * @throws java.io.UncheckedIOException naming the server and the rule when there is no answer
     */
    public static ServerStats fetchOrFail(InetSocketAddress server, boolean reset) {
        try {
            return fetch(server, reset, WAIT);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("server: no stats from " + server + ": " + e.getMessage()
                    + " (expected: an answer to GET /stats within " + WAIT.toSeconds() + " s)", e);
        }
    }

    /** {@return the figures in a whole HTTP response} @throws IOException if it is not a 200 with a stats object */
    static ServerStats parse(String response) throws IOException {
        int end = response.indexOf("\r\n\r\n");
        String status = response.lines().findFirst().orElse("");
        if (end < 0 || !status.startsWith("HTTP/1.1 200")) {
            throw new IOException("stats: \"" + status + "\" (expected: HTTP/1.1 200 and a body)");
        }
        try {
            return ServerStats.parse(response.substring(end + 4));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
