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
 * <h2>Threading</h2>
 * Shared by every connection ({@link ChannelHandler.Sharable}): it keeps no per-connection state;
 * its counter is a {@link LongAdder}.
 */
@ChannelHandler.Sharable
final class DelayHandler extends SimpleChannelInboundHandler<HttpObject> {
    private final LongAdder answered = new LongAdder();

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
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
            delay = DelayRequest.parse(uri.path(), uri.parameters());
        } catch (IllegalArgumentException e) {
            reject(ctx, e.getMessage());
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        ctx.executor().schedule(() -> answer(ctx, delay, keepAlive), delay.delayNanos(), TimeUnit.NANOSECONDS);
    }

    private void answer(ChannelHandlerContext ctx, DelayRequest delay, boolean keepAlive) {
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
}
