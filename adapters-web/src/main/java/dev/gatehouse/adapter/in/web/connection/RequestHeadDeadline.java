package dev.gatehouse.adapter.in.web.connection;

import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP/1.1 connection's deadline for its next request head, the request line and header section before
 * any body (RFC 9112 §2.1): a head not decoded within the timeout closes the connection. The deadline runs
 * from the connection's opening and, on a kept-alive connection, from the first byte of the next request,
 * not from the previous response: a connection idle between requests is left to
 * {@code micronaut.server.idle-timeout}. A body, however slow, and the wait for the answer do not count.
 *
 * <p>Two handlers share the state, both on the connection's event loop: {@link Bytes} before the codec sees
 * that a head begins, {@link Heads} after it sees the head decoded and the end of the request's body.
 */
final class RequestHeadDeadline {

    static final String BYTES = "gatehouse-request-head-bytes";
    static final String HEADS = "gatehouse-request-heads";

    private static final Logger LOG = LoggerFactory.getLogger(RequestHeadDeadline.class);

    /** Where the connection is in its current request. */
    private enum Phase { HEAD, BODY, BETWEEN_REQUESTS }

    private final Duration timeout;
    private Phase phase = Phase.HEAD;
    private ScheduledFuture<?> deadline;

    private RequestHeadDeadline(Duration timeout) {
        this.timeout = timeout;
    }

    static void install(ChannelPipeline pipeline, Duration timeout) {
        RequestHeadDeadline deadline = new RequestHeadDeadline(timeout);
        pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, BYTES, deadline.new Bytes());
        pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HEADS, deadline.new Heads());
    }

    /** The bytes as received: the first one after a request begins the next head. */
    private final class Bytes extends ChannelInboundHandlerAdapter {

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            if (ctx.channel().isActive()) {
                arm(ctx);
            }
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            arm(ctx);
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (phase == Phase.BETWEEN_REQUESTS) {
                phase = Phase.HEAD;
            }
            ctx.fireChannelRead(msg); // the codec decodes it now: Heads sees the head if it is complete
            arm(ctx);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            disarm();
            ctx.fireChannelInactive();
        }
    }

    /** The decoded messages: a head ends the deadline, the end of its body opens the wait for the next. */
    private final class Heads extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest) {
                phase = Phase.BODY;
                disarm();
            }
            if (msg instanceof LastHttpContent) {
                phase = Phase.BETWEEN_REQUESTS;
            }
            ctx.fireChannelRead(msg);
        }
    }

    private void arm(ChannelHandlerContext ctx) {
        if (phase == Phase.HEAD && deadline == null) {
            deadline = ctx.executor().schedule(() -> expire(ctx), timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void disarm() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    private void expire(ChannelHandlerContext ctx) {
        LOG.debug("closing the connection from {}: no complete request head within {}", ctx.channel().remoteAddress(), timeout);
        ctx.close();
    }
}
