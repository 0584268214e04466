package dev.crossover.eventloop.netty;

import dev.crossover.core.Body;
import dev.crossover.core.http.HttpStatusException;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.SingleThreadIoEventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * The netty models' client of the delay server: Netty's {@link HttpClientCodec} on channels of the
 * model's own loop, from a keep-alive pool, one request in flight per connection. A request's
 * response body is summed as its {@link HttpContent} parts arrive ({@link Body.Sum}), never
 * aggregated.
 *
 * <h2>Threading</h2>
 * Confined to the loop: {@link #get} must be called on it (it throws {@link IllegalStateException}
 * elsewhere), and every callback runs on it, so the pool is a plain deque. The loop's shutdown
 * closes every channel.
 */
final class NettyHttpClient {
    /** What a request's caller hears, once, on the loop. */
    interface Callback {
        void done(long bodyChecksum, Throwable failure);
    }

    private static final AttributeKey<Exchange> EXCHANGE = AttributeKey.valueOf("crossover.exchange");

    private final SingleThreadIoEventLoop loop;
    private final InetSocketAddress server;
    private final String host;
    private final Duration timeout;
    private final Bootstrap bootstrap;
    private final ArrayDeque<Channel> idle = new ArrayDeque<>();

    NettyHttpClient(SingleThreadIoEventLoop loop, Class<? extends SocketChannel> channelType, InetSocketAddress server,
                    Duration timeout) {
        this.loop = loop;
        this.server = server;
        this.host = server.getHostString() + ":" + server.getPort();
        this.timeout = timeout;
        this.bootstrap = new Bootstrap().group(loop).channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new Reader());
                    }
                });
    }

    /** Asks for {@code bytes} bytes of {@code token}'s body after {@code delayNanos}; {@code callback} hears on the loop. */
    void get(long delayNanos, int bytes, long token, Callback callback) {
        if (!loop.inEventLoop()) {
            throw new IllegalStateException("netty client: called off the loop (expected: on the model's loop thread)");
        }
        String ms = BigDecimal.valueOf(delayNanos).movePointLeft(6).stripTrailingZeros().toPlainString();
        Exchange exchange = new Exchange("/delay?ms=" + ms + "&bytes=" + bytes + "&token=" + token, callback);
        exchange.timer = loop.schedule(() -> exchange.fail(new SocketTimeoutException(
                "request: timed out after " + timeout.toMillis() + " ms (expected: a response within the timeout)")),
                timeout.toNanos(), TimeUnit.NANOSECONDS);
        Channel pooled = idle.pollFirst();
        if (pooled != null && pooled.isActive()) {
            exchange.send(pooled);
            return;
        }
        ChannelFuture connecting = bootstrap.connect(server);
        connecting.addListener(f -> {
            if (f.isSuccess()) {
                exchange.send(connecting.channel());
            } else {
                exchange.fail(f.cause());
            }
        });
    }

    /** One request and its response, on one channel. */
    private final class Exchange {
        final String uri;
        final Callback callback;
        final Body.Sum sum = new Body.Sum();
        ScheduledFuture<?> timer;
        Channel channel;
        int status = -1;
        boolean keepAlive;
        boolean finished;

        Exchange(String uri, Callback callback) {
            this.uri = uri;
            this.callback = callback;
        }

        void send(Channel c) {
            if (finished) {  // timed out while it connected
                c.close();
                return;
            }
            channel = c;
            c.attr(EXCHANGE).set(this);
            FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
            request.headers().set(HttpHeaderNames.HOST, host);
            c.writeAndFlush(request).addListener(f -> {
                if (!f.isSuccess()) {
                    fail(f.cause());
                }
            });
        }

        void read(HttpObject msg) {
            if (msg.decoderResult().isFailure()) {  // Netty's codec reports a malformed or cut response here
                fail(msg.decoderResult().cause());
                return;
            }
            if (msg instanceof HttpResponse response) {
                status = response.status().code();
                keepAlive = HttpUtil.isKeepAlive(response);
            }
            if (msg instanceof HttpContent content) {
                ByteBuf part = content.content();
                for (int i = part.readerIndex(); i < part.writerIndex(); i++) {
                    sum.add(part.getByte(i));
                }
                if (content instanceof LastHttpContent) {
                    if (status != 200) {
                        fail(new HttpStatusException(status, ""));
                        return;
                    }
                    end();
                }
            }
        }

        private void end() {
            if (finished) {
                return;
            }
            finished = true;
            timer.cancel(false);
            channel.attr(EXCHANGE).set(null);
            if (keepAlive && channel.isActive()) {
                idle.addFirst(channel);
            } else {
                channel.close();
            }
            callback.done(sum.value(), null);
        }

        void fail(Throwable cause) {
            if (finished) {
                return;
            }
            finished = true;
            timer.cancel(false);
            if (channel != null) {
                channel.attr(EXCHANGE).set(null);
                channel.close();
            }
            callback.done(0, cause instanceof IOException || cause instanceof RuntimeException ? cause
                    : new IOException(cause));
        }
    }

    /** Hands each part of a response to the channel's exchange; a close or an error fails it. */
    private static final class Reader extends SimpleChannelInboundHandler<HttpObject> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            Exchange exchange = ctx.channel().attr(EXCHANGE).get();
            if (exchange != null) {
                exchange.read(msg);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            Exchange exchange = ctx.channel().attr(EXCHANGE).get();
            if (exchange != null) {
                exchange.fail(new ClosedChannelException());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Exchange exchange = ctx.channel().attr(EXCHANGE).get();
            if (exchange != null) {
                exchange.fail(cause);
            } else {
                ctx.close();
            }
        }
    }
}
