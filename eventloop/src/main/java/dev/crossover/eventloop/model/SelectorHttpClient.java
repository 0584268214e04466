package dev.crossover.eventloop.model;

import dev.crossover.core.http.DelayRequests;
import dev.crossover.core.http.HttpStatusException;
import dev.crossover.core.http.MalformedResponseException;
import dev.crossover.core.http.ResponseParser;
import dev.crossover.eventloop.EventLoop;
import dev.crossover.eventloop.IoHandler;
import dev.crossover.eventloop.Timer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;

/**
 * The eventloop models' client of the delay server: non-blocking {@link SocketChannel}s on the
 * loop's own {@link java.nio.channels.Selector} (connect, write, read readiness), core's
 * {@link ResponseParser}, a keep-alive pool, one request in flight per connection; asyncio's
 * {@code open_connection} with a hand-written HTTP/1.1 exchange.
 *
 * <h2>Threading</h2>
 * Confined to the loop: {@link #get} throws {@link IllegalStateException} off the loop thread,
 * and every readiness callback, timer and callback to the caller runs on it. {@link #closeAll()}
 * is for the model's close, once the loop thread has ended.
 */
public final class SelectorHttpClient {
    /** What a request's caller hears, once, on the loop. */
    public interface Callback {
        void done(long bodyChecksum, Throwable failure);
    }

    private final EventLoop loop;
    private final InetSocketAddress server;
    private final String host;
    private final Duration timeout;
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final Set<Connection> open = new HashSet<>();
    /** One read buffer for the whole loop: a read is parsed before the next one starts. */
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);

    /** A client on {@code loop} of the delay server at {@code server}; each request may take {@code timeout}. */
    public SelectorHttpClient(EventLoop loop, InetSocketAddress server, Duration timeout) {
        this.loop = loop;
        this.server = server;
        this.host = server.getHostString() + ":" + server.getPort();
        this.timeout = timeout;
    }

    /** Asks for {@code bytes} bytes of {@code token}'s body after {@code delayNanos}; {@code callback} hears on the loop. */
    public void get(long delayNanos, int bytes, long token, Callback callback) {
        if (!loop.inLoop()) {
            throw new IllegalStateException("selector client: called off the loop (expected: on the loop thread)");
        }
        Exchange exchange = new Exchange(ByteBuffer.wrap(DelayRequests.of(host, delayNanos, bytes, token)), callback);
        exchange.timer = loop.schedule(timeout.toNanos(), "request timeout", () -> exchange.fail(new SocketTimeoutException(
                "request: timed out after " + timeout.toMillis() + " ms (expected: a response within the timeout)")));
        Connection pooled = idle.pollFirst();
        if (pooled != null) {
            pooled.start(exchange);
            return;
        }
        Connection fresh;
        try {
            fresh = new Connection();
        } catch (IOException e) {
            exchange.fail(e);
            return;
        }
        fresh.start(exchange);
    }

    /** Closes every connection; for the model's close, after the loop thread has ended. */
    public void closeAll() {
        for (Connection c : new ArrayList<>(open)) {
            c.close();
        }
        idle.clear();
    }

    /** One request, its response, and who hears of it. */
    private final class Exchange {
        final ByteBuffer request;
        final Callback callback;
        Timer timer;
        Connection connection;
        boolean finished;

        Exchange(ByteBuffer request, Callback callback) {
            this.request = request;
            this.callback = callback;
        }

        void succeed(long sum) {
            if (!finished) {
                finished = true;
                timer.cancel();
                callback.done(sum, null);
            }
        }

        void fail(Throwable cause) {
            if (!finished) {
                finished = true;
                timer.cancel();
                if (connection != null) {
                    connection.close();
                }
                callback.done(0, cause);
            }
        }
    }

    /** One connection: its channel, its key with the loop's selector, its parser, the exchange on it. */
    private final class Connection implements IoHandler {
        final SocketChannel channel;
        final ResponseParser parser = new ResponseParser();
        SelectionKey key;
        boolean connected;
        Exchange exchange;

        Connection() throws IOException {
            channel = SocketChannel.open();
            open.add(this);
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                connected = channel.connect(server);
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        void start(Exchange e) {
            exchange = e;
            e.connection = this;
            parser.reset();
            try {
                int ops = connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT;
                if (key == null) {
                    key = loop.register(channel, ops, this);
                } else {
                    key.interestOps(ops);
                }
            } catch (RuntimeException failure) {
                e.fail(failure);
            }
        }

        @Override
        public void ready(SelectionKey k) {
            Exchange e = exchange;
            if (e == null || e.finished) {
                // a pooled connection the server closed: read() sees the end, and it goes
                if (k.isValid() && k.isReadable()) {
                    close();
                }
                return;
            }
            try {
                if (k.isConnectable()) {
                    channel.finishConnect();
                    connected = true;
                    k.interestOps(SelectionKey.OP_WRITE);
                }
                if (k.isValid() && k.isWritable()) {
                    channel.write(e.request);
                    if (!e.request.hasRemaining()) {
                        k.interestOps(SelectionKey.OP_READ);
                    }
                }
                if (k.isValid() && k.isReadable()) {
                    read(e);
                }
            } catch (IOException | RuntimeException failure) {
                e.fail(failure);
            }
        }

        private void read(Exchange e) throws IOException {
            readBuffer.clear();
            int n = channel.read(readBuffer);
            if (n < 0) {
                parser.endOfStream();  // throws: the response was cut
                return;
            }
            readBuffer.flip();
            if (!parser.feed(readBuffer)) {
                return;
            }
            if (readBuffer.hasRemaining()) {
                throw new MalformedResponseException("response: " + readBuffer.remaining()
                        + " bytes after its end (expected: one response per request)");
            }
            if (parser.status() != 200) {
                throw new HttpStatusException(parser.status(), parser.keptBody());
            }
            exchange = null;
            if (parser.keepAlive()) {
                idle.addFirst(this);  // still interested in reads: an idle close is seen and cleans up
            } else {
                close();
            }
            e.succeed(parser.bodyChecksum());
        }

        void close() {
            open.remove(this);
            idle.remove(this);
            if (key != null) {
                key.cancel();
            }
            try {
                channel.close();
            } catch (IOException e) {
                // closing: nothing more to do with it
            }
        }
    }
}
