package dev.gatehouse.adapter.in.web.bff;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.timeout.ReadTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The proxy's read timeout ({@code gatehouse.bff.read-timeout}) on one upstream connection: while an exchange is in
 * flight, an upstream that sends nothing for that long, while the proxy is waiting to read and sends nothing
 * itself, fails the exchange and the connection is closed: 504 before the browser got any of the answer (a read
 * timeout of the client before the head, {@link AnswerFailed#timedOut} after it), a cut answer after.
 *
 * <p>Netty's {@code ReadTimeoutHandler}, which Micronaut's client uses, counts every moment without a read, so it
 * also cut exchanges that were anything but silent: an upload slower than the timeout (the upstream answers once
 * it has the body: a 50 MB upload at 1 MB/s got its 504 after 30 s), and a download to a slow browser, during
 * which the proxy holds back its reads (backpressure) and the upstream waits for it. Here time counts only while a
 * read is wanted (the channel reads by itself, or a read was asked for and nothing came yet), and sending the
 * request body counts as progress.
 */
final class UpstreamSilence extends ChannelDuplexHandler {

    private final long timeoutNanos;
    private final LongSupplier nanoTime;
    private final AnswerEnds ends = new AnswerEnds();
    private boolean inFlight;
    private boolean readAsked;
    private long lastProgress;
    private ScheduledFuture<?> check;

    UpstreamSilence(Duration timeout) {
        this(timeout, System::nanoTime);
    }

    /** With the time source of the connection's scheduler ({@code nanoTime}), for a test's event loop. */
    UpstreamSilence(Duration timeout, LongSupplier nanoTime) {
        this.timeoutNanos = timeout.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        if (message instanceof HttpRequest) {
            inFlight = true;
            progress();
            checkIn(ctx, timeoutNanos);
        } else if (message instanceof HttpContent && inFlight) {
            progress();
        }
        ctx.write(message, promise);
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        if (!readWanted(ctx)) {
            progress(); // the pause was the proxy's own
        }
        readAsked = true;
        ctx.read();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        progress();
        if (ends.endsAnswer(message)) {
            inFlight = false;
            cancelCheck();
        }
        ctx.fireChannelRead(message);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        readAsked = false;
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        inFlight = false;
        cancelCheck();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancelCheck();
    }

    private boolean readWanted(ChannelHandlerContext ctx) {
        return readAsked || ctx.channel().config().isAutoRead();
    }

    private void progress() {
        lastProgress = nanoTime.getAsLong();
    }

    private void checkIn(ChannelHandlerContext ctx, long nanos) {
        cancelCheck();
        check = ctx.executor().schedule(() -> check(ctx), nanos, TimeUnit.NANOSECONDS);
    }

    private void check(ChannelHandlerContext ctx) {
        check = null;
        if (!inFlight || !ctx.channel().isActive()) {
            return;
        }
        if (!readWanted(ctx)) {
            progress();
            checkIn(ctx, timeoutNanos);
            return;
        }
        long silent = nanoTime.getAsLong() - lastProgress;
        if (silent < timeoutNanos) {
            checkIn(ctx, timeoutNanos - silent);
            return;
        }
        inFlight = false;
        ctx.fireExceptionCaught(ends.answering() ? AnswerFailed.timedOut() : ReadTimeoutException.INSTANCE);
        ctx.close();
    }

    private void cancelCheck() {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }
}
