package dev.crossover.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A blocking HTTP/1.1 client of the delay server over {@link Socket}s from a keep-alive pool:
 * each call holds one connection for its request (the pool grows to the calls in flight) and
 * gives it back when the response ended with the connection open. A virtual thread that calls it
 * parks on the socket, as Loom intends; a platform thread blocks.
 *
 * <h2>Failures</h2>
 * {@link #get} throws the {@link IOException} that ended the request: refused
 * ({@link java.net.ConnectException}), reset ({@link java.net.SocketException}), timed out
 * ({@link SocketTimeoutException}, after the request's timeout in all, connect included), a
 * malformed response ({@link MalformedResponseException}) or another status than 200
 * ({@link HttpStatusException}); the connection is closed then, never pooled.
 *
 * <h2>Threading</h2>
 * Thread-safe: any number of threads call {@link #get} at once. {@link #close()} closes every
 * connection, those in use included, so a call blocked on one ends with an {@link IOException}.
 */
public final class BlockingClient implements AutoCloseable {
    private static final int BUFFER = 16 * 1024;

    private final InetSocketAddress server;
    private final String host;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** A client of the delay server at {@code server}; it connects on the first request. */
    public BlockingClient(InetSocketAddress server) {
        this.server = Objects.requireNonNull(server, "server");
        this.host = server.getHostString() + ":" + server.getPort();
    }

    /**
     * Asks the server for {@code bytes} bytes of {@code token}'s body after {@code delayNanos} and waits for them.
     *
     * @return the checksum of the body bytes received ({@link dev.crossover.core.Body.Sum})
     * @throws IOException if the request was refused, reset, timed out, or answered badly (see above)
     */
    public long get(long delayNanos, int bytes, long token, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] request = DelayRequests.of(host, delayNanos, bytes, token);
        Connection reused = idle.pollFirst();
        if (reused != null) {
            try {
                return exchange(reused, request, deadline);
            } catch (StaleConnection e) {
                // the server closed a pooled connection before this request reached it: once on a new one
            }
        }
        try {
            return exchange(connect(deadline), request, deadline);
        } catch (StaleConnection e) {
            throw e.cause;
        }
    }

    private Connection connect(long deadline) throws IOException {
        if (closed) {
            throw new IOException("client: closed (expected: requests before close)");
        }
        Socket socket = new Socket();
        Connection connection = new Connection(socket);
        open.add(connection);
        try {
            socket.setTcpNoDelay(true);
            socket.connect(server, timeoutMillis(deadline));
            connection.in = socket.getInputStream();
            connection.out = socket.getOutputStream();
        } catch (IOException e) {
            connection.close();
            throw e;
        }
        if (closed) {  // close() ran meanwhile and may have missed it
            connection.close();
            throw new IOException("client: closed (expected: requests before close)");
        }
        return connection;
    }

    private long exchange(Connection c, byte[] request, long deadline) throws IOException {
        boolean anyByte = false;
        try {
            c.out.write(request);
            c.out.flush();
            ResponseParser parser = c.parser;
            parser.reset();
            while (true) {
                c.socket.setSoTimeout(timeoutMillis(deadline));
                int n = c.in.read(c.buffer);
                if (n < 0) {
                    parser.endOfStream();  // throws
                }
                anyByte = true;
                ByteBuffer bytes = ByteBuffer.wrap(c.buffer, 0, n);
                if (parser.feed(bytes)) {
                    if (bytes.hasRemaining()) {
                        throw new MalformedResponseException("response: " + bytes.remaining()
                                + " bytes after its end (expected: one response per request)");
                    }
                    break;
                }
            }
            if (parser.status() != 200) {
                throw new HttpStatusException(parser.status(), parser.keptBody());
            }
            // Read before the connection goes back: from then on another thread may take it and reset its parser.
            long checksum = parser.bodyChecksum();
            c.reused = true;
            if (parser.keepAlive() && !closed) {
                idle.addFirst(c);
            } else {
                c.close();
            }
            return checksum;
        } catch (IOException e) {
            c.close();
            boolean wasReused = c.reused;
            c.reused = true;
            if (wasReused && !anyByte && !(e instanceof SocketTimeoutException)) {
                throw new StaleConnection(e);
            }
            throw e;
        }
    }

    private static int timeoutMillis(long deadline) throws SocketTimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("request: timed out (expected: a response within the timeout)");
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000));
    }

    /** {@return how many connections are open now} (idle and in use) */
    public int openConnections() {
        return open.size();
    }

    /** Closes every connection, in use or idle; calls after this fail. Idempotent. */
    @Override
    public void close() {
        closed = true;
        for (Connection c : open) {
            c.close();
        }
        idle.clear();
    }

    private final class Connection {
        final Socket socket;
        final ResponseParser parser = new ResponseParser();
        final byte[] buffer = new byte[BUFFER];
        InputStream in;
        OutputStream out;
        boolean reused;

        Connection(Socket socket) {
            this.socket = socket;
        }

        void close() {
            open.remove(this);
            try {
                socket.close();
            } catch (IOException e) {
                // closing: nothing left to do with it
            }
        }
    }

    /** A pooled connection that failed before any byte of the response: the request goes again on a new one. */
    private static final class StaleConnection extends IOException {
        private static final long serialVersionUID = 1L;
        final IOException cause;

        StaleConnection(IOException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
