package dev.crossover.server;

import dev.crossover.core.Body;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Answers each {@code GET /delay} after its delay, on a timer of the connection's own loop, with
 * the token's bytes and a {@code Content-Length}; keeps the connection open unless the request
 * asked to close it. A bad request gets a {@code 400} whose body is the one-line reason, and the
 * connection closes. Nothing blocks the loop: the wait is a scheduled task.
 *
 * <h2>Its own figures: {@code GET /stats}</h2>
 * Each answer's lateness, the time its response was written (built and handed to the socket)
 * minus (the time its request arrived + the delay it asked for), goes to a {@link StatsRecorder} (a wait-free HdrHistogram recorder
 * written by the loop threads only). {@code GET /stats} answers at once with the current
 * interval's {@link ServerStats} as JSON ({@code answered}, {@code elapsedSeconds},
 * {@code latenessP50Micros}, {@code latenessP99Micros}, {@code latenessMaxMicros});
 * {@code GET /stats?reset=1} answers with the figures of the interval it ends and starts a new one.
 * The interval runs from the server's start until the first reset. Stats requests are not
 * counted among the answers.
 *
 * <h2>Threading</h2>
 * Shared by every connection ({@link ChannelHandler.Sharable}): it keeps no per-connection state;
 * its counter is a {@link LongAdder}, its lateness a {@link StatsRecorder}.
 */
@ChannelHandler.Sharable
final class DelayHandler extends SimpleChannelInboundHandler<HttpObject> {
    /** The path of the server's own figures. */
    static final String STATS_PATH = "/stats";

    private final LongAdder answered = new LongAdder();
    private final StatsRecorder stats = new StatsRecorder();

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        long arrivedNanos = System.nanoTime();
        if (!(msg instanceof HttpRequest request)) {
            return;  // the (empty) content of a GET
        }
        if (request.decoderResult().isFailure()) {
            reject(ctx, "request: " + request.decoderResult().cause().getMessage() + " (expected: HTTP/1.1)");
            return;
        }
        if (!request.method().equals(HttpMethod.GET)) {
            reject(ctx, "method: " + request.method() + " (expected: GET)");
            return;
        }
        DelayRequest delay;
        try {
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            if (uri.path().equals(STATS_PATH)) {
                stats(ctx, uri, HttpUtil.isKeepAlive(request));
                return;
            }
            delay = DelayRequest.parse(uri.path(), uri.parameters());
        } catch (IllegalArgumentException e) {
            reject(ctx, e.getMessage());
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        long dueNanos = arrivedNanos + delay.delayNanos();
        ctx.executor().schedule(() -> answer(ctx, delay, keepAlive, dueNanos), delay.delayNanos(), TimeUnit.NANOSECONDS);
    }

    private void stats(ChannelHandlerContext ctx, QueryStringDecoder uri, boolean keepAlive) {
        java.util.List<String> reset = uri.parameters().getOrDefault("reset", java.util.List.of("0"));
        if (reset.size() != 1 || !(reset.get(0).equals("0") || reset.get(0).equals("1"))
                || uri.parameters().size() > (uri.parameters().containsKey("reset") ? 1 : 0)) {
            throw new IllegalArgumentException("stats: " + uri.uri() + " (expected: /stats or /stats?reset=1)");
        }
        ServerStats figures = reset.get(0).equals("1") ? stats.reset() : stats.snapshot();
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.copiedBuffer(figures.toJson(), StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        HttpUtil.setContentLength(response, response.content().readableBytes());
        if (keepAlive) {
            ctx.writeAndFlush(response, ctx.voidPromise());
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void answer(ChannelHandlerContext ctx, DelayRequest delay, boolean keepAlive, long dueNanos) {
        if (!ctx.channel().isActive()) {
            return;  // the client went away while we waited
        }
        ByteBuf body = ctx.alloc().buffer(delay.bytes());
        byte[] chunk = new byte[Math.min(delay.bytes(), 8192)];
        for (int from = 0; from < delay.bytes(); from += chunk.length) {
            int length = Math.min(chunk.length, delay.bytes() - from);
            Body.fill(delay.token(), from, chunk, 0, length);
            body.writeBytes(chunk, 0, length);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_OCTET_STREAM);
        HttpUtil.setContentLength(response, delay.bytes());
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        answered.increment();
        // recorded as it is written (on the loop, writeAndFlush hands it to the socket now), and before:
        // a client that saw the response and then asks for /stats (maybe on another loop) finds it counted
        stats.record(System.nanoTime() - dueNanos);
        if (keepAlive) {
            ctx.writeAndFlush(response, ctx.voidPromise());
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static void reject(ChannelHandlerContext ctx, String reason) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST,
                Unpooled.copiedBuffer(reason + "\n", StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        HttpUtil.setContentLength(response, response.content().readableBytes());
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();  // a reset by the client, most often: its connection is over, the server goes on
    }

    /** {@return how many requests were answered} */
    long answered() {
        return answered.sum();
    }

    /** {@return the current interval's figures} */
    ServerStats stats() {
        return stats.snapshot();
    }
}
