package dev.crossover.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The loopback delay server: HTTP/1.1 with keep-alive on Netty, answering
 * {@code GET /delay?ms=M&bytes=B&token=T} after {@code M} milliseconds with the first {@code B}
 * bytes of token {@code T}'s body ({@link dev.crossover.core.Body}), so a client's checksum covers
 * the bytes it really received.
 *
 * <h2>Usage</h2>
 * {@snippet :
 * try (DelayServer server = DelayServer.start(DelayServer.loopback(0))) {   // 127.0.0.1, a free port
 *     URI uri = URI.create("http://" + server.hostAndPort() + "/delay?ms=50&bytes=64&token=7");
 *     // ...
 * }
 * }
 *
 * <p>It runs on Netty's native epoll transport where it loads, else on NIO ({@link #transport()}
 * says which), with one loop thread per core; the wait is a timer on the connection's loop, so a
 * waiting request holds no thread. The listen backlog asked for is {@value #BACKLOG} (the kernel
 * caps it at {@code net.core.somaxconn}).
 *
 * <h2>Lifecycle</h2>
 * {@code RUNNING -> CLOSED}: {@link #start} binds and returns once the socket listens;
 * {@link #close()} closes the listening socket and every connection, and waits until the loop
 * threads are gone. The threads are daemons, so a forgotten server never keeps a JVM alive.
 */
public final class DelayServer implements AutoCloseable {
    /** The listen backlog asked for. */
    public static final int BACKLOG = 16_384;
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final MultiThreadIoEventLoopGroup group;
    private final Channel listening;
    private final DelayHandler handler;
    private final String transport;

    private DelayServer(MultiThreadIoEventLoopGroup group, Channel listening, DelayHandler handler, String transport) {
        this.group = group;
        this.listening = listening;
        this.handler = handler;
        this.transport = transport;
    }

    /** {@return 127.0.0.1 at {@code port}} (0: a free port) */
    public static InetSocketAddress loopback(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }

    /** {@return a server listening on {@code address} with one loop thread per core} @see #start(InetSocketAddress, int) */
    public static DelayServer start(InetSocketAddress address) throws InterruptedException {
        return start(address, Runtime.getRuntime().availableProcessors());
    }

    /**
     * {@return a server listening on {@code address}, with {@code threads} loop threads}
     * @throws IllegalArgumentException if {@code threads} is not positive
     * @throws java.io.UncheckedIOException if the address cannot be bound (in use, not local)
     */
    public static DelayServer start(InetSocketAddress address, int threads) throws InterruptedException {
        Objects.requireNonNull(address, "address");
        dev.crossover.core.Checks.positive("threads", threads);
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory handlers = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channel = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(threads,
                new DefaultThreadFactory("crossover-server", true), handlers);
        DelayHandler handler = new DelayHandler();
        try {
            Channel listening = new ServerBootstrap().group(group).channel(channel)
                    .option(ChannelOption.SO_BACKLOG, BACKLOG)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), handler);
                        }
                    })
                    .bind(address).sync().channel();
            return new DelayServer(group, listening, handler, epoll ? "epoll" : "nio");
        } catch (Exception e) {
            group.shutdownGracefully(0, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS).awaitUninterruptibly();
            if (e instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new java.io.UncheckedIOException("bind: " + address + " (expected: a free local address): "
                    + e.getMessage(), e instanceof java.io.IOException io ? io : new java.io.IOException(e));
        }
    }

    /** {@return the address the server listens on, with the port the kernel gave} */
    public InetSocketAddress address() {
        return (InetSocketAddress) listening.localAddress();
    }

    /** {@return the address as {@code host:port}}, e.g. {@code 127.0.0.1:40123} */
    public String hostAndPort() {
        InetSocketAddress a = address();
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    /** {@return the transport it runs on: {@code epoll} or {@code nio}} */
    public String transport() {
        return transport;
    }

    /** {@return how many requests it has answered} */
    public long answered() {
        return handler.answered();
    }

    /** {@return its own figures since it started or since the last {@code GET /stats?reset=1}} (see {@link DelayHandler}) */
    public ServerStats stats() {
        return handler.stats();
    }

    /** Closes the listening socket and every connection; returns once the loop threads are gone. Idempotent. */
    @Override
    public void close() {
        listening.close().awaitUninterruptibly();
        group.shutdownGracefully(0, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)
                .awaitUninterruptibly(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS * 2));
    }
}
