package dev.gatehouse.adapter.in.web.bff;

import io.micronaut.http.client.netty.NettyClientCustomizer;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ties the upstream connection of each proxied exchange to the browser's connection, so that a browser that
 * leaves mid-answer closes the upstream connection too. Micronaut's client, told that the rest of an answer
 * is not wanted, reads and discards it on the same connection until it ends: an upstream that never ends
 * (server-sent events with a heartbeat, a slow drip under the read timeout) kept each such connection, and
 * its file descriptor, for good.
 *
 * <p>The proxy {@linkplain #open opens} an {@link Exchange} for each request it forwards and names it in the
 * {@value #HEADER} request header. A {@link Binder} on every upstream connection (or HTTP/2 stream) takes that
 * header off the request before it is encoded, so it never reaches the upstream, and binds the exchange to the
 * connection until the answer's last content arrives (the connection then returns to the pool) or the connection
 * closes. The browser connection's close, until then, closes the upstream connection; a browser gone before
 * the request was written closes it as soon as it is bound.
 */
final class UpstreamExchanges implements NettyClientCustomizer {

    /** The request header naming the exchange, between the proxy and its own client only. */
    static final String HEADER = "Gatehouse-Exchange";
    private static final String HANDLER = "gatehouse-upstream-exchange";
    private static final String SILENCE_HANDLER = "gatehouse-upstream-silence";

    private final Duration readTimeout;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Exchange> open = new ConcurrentHashMap<>();

    /** With {@link UpstreamSilence} of {@code readTimeout} on every connection, in place of the client's read timeout. */
    UpstreamExchanges(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** An exchange on behalf of the browser on {@code browser}, ended at the latest by that connection's close. */
    Exchange open(Channel browser) {
        Exchange exchange = new Exchange(Long.toString(ids.incrementAndGet()), browser);
        open.put(exchange.id(), exchange);
        browser.closeFuture().addListener(exchange.browserGone);
        return exchange;
    }

    /**
     * How many exchanges are open: forwarded, and neither answered to the end nor abandoned (the gauge
     * {@code gatehouse_bff_exchanges_open}: streams in flight; one that only grows is a leak).
     */
    int openCount() {
        return open.size();
    }

    @Override
    public NettyClientCustomizer specializeForChannel(Channel channel, ChannelRole role) {
        return new Connection(channel, role);
    }

    /**
     * One upstream connection, or one HTTP/2 stream, and where its {@link UpstreamSilence} and {@link Binder} go
     * (in that order, so that the first sees interim answers the second drops): after the HTTP/1.1
     * codec once the connection's pipeline is built (the pool takes a handler added later for one left over,
     * and closes the connection), or, in a stream's pipeline, before the client's response handler.
     */
    private final class Connection implements NettyClientCustomizer {
        private final Channel channel;
        private final ChannelRole role;

        Connection(Channel channel, ChannelRole role) {
            this.channel = channel;
            this.role = role;
        }

        @Override
        public NettyClientCustomizer specializeForChannel(Channel stream, ChannelRole streamRole) {
            return new Connection(stream, streamRole);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (role == ChannelRole.CONNECTION && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_CLIENT_CODEC) != null) {
                channel.pipeline().addLast(SILENCE_HANDLER, new UpstreamSilence(readTimeout)).addLast(HANDLER, new Binder());
            }
        }

        @Override
        public void onRequestPipelineBuilt() {
            ChannelPipeline pipeline = channel.pipeline();
            if (role == ChannelRole.HTTP2_STREAM && pipeline.get(HANDLER) == null) {
                pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_HTTP_RESPONSE, SILENCE_HANDLER, new UpstreamSilence(readTimeout))
                        .addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_HTTP_RESPONSE, HANDLER, new Binder());
            }
        }
    }

    /**
     * Sits between the HTTP codec and the client's response handler of one upstream connection. It also keeps
     * interim answers other than {@code 100 Continue} from the client, which would take the first one for the
     * answer (the browser got a {@code 103 Early Hints} and never the {@code 200}, or a {@code 102} with an empty
     * body): a 102 or 103 is dropped and the final answer follows (RFC 9110 §15.2 has a proxy forward them; the
     * server cannot send an interim answer on, so they go no further, as toward an HTTP/1.0 client). A {@code 101}
     * switches to a protocol nobody asked for (the proxy forwards no {@code Upgrade}): the connection is closed,
     * and the browser gets its 502.
     *
     * <p>It holds the final answer's head back until the first body bytes or the answer's end. The server sends a
     * head only with its first body bytes anyway, and an answer that fails before them is then, for the client and
     * the proxy, a failed request: the browser gets the proxy's 502 or 504 with its renewed session cookies and its
     * CORS headers (an answer of the client that failed in its body became the server's bare error answer, and a
     * browser that lost its refresh token's successor presented the spent one next, past the reuse grace).
     */
    final class Binder extends ChannelDuplexHandler {
        private final AnswerEnds ends = new AnswerEnds();
        private Exchange current;
        private boolean droppingInterim;
        private HttpResponse heldHead;

        @Override
        public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
            if (message instanceof HttpRequest request) {
                Exchange named = open.get(String.valueOf(request.headers().get(HEADER)));
                request.headers().remove(HEADER);
                current = named;
                if (named != null) {
                    named.bind(ctx.channel());
                }
            }
            ctx.write(message, promise);
        }

        /** Ends the exchange before the last content goes on: the client may send the next request at once. */
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (dropped(ctx, message)) {
                return;
            }
            boolean endsAnswer = ends.endsAnswer(message);
            if (held(message)) {
                return;
            }
            if (heldHead != null) {
                ctx.fireChannelRead(heldHead);
                heldHead = null;
            }
            if (endsAnswer) {
                endCurrent();
            }
            ctx.fireChannelRead(message);
        }

        /** Holds a final answer's head, and drops empty pieces of its body while it is held: no first bytes yet. */
        private boolean held(Object message) {
            if (message instanceof HttpResponse head && !(message instanceof HttpContent) && ends.answering()) {
                heldHead = head;
                return true;
            }
            if (heldHead != null && message instanceof HttpContent piece && !(message instanceof LastHttpContent)
                    && !piece.content().isReadable()) {
                piece.release();
                return true;
            }
            return false;
        }

        /** A failure before the first body bytes fails the request: the client never sees the held head. */
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            heldHead = null;
            ctx.fireExceptionCaught(cause);
        }

        private boolean dropped(ChannelHandlerContext ctx, Object message) {
            if (droppingInterim && message instanceof HttpContent && !(message instanceof HttpResponse)) {
                droppingInterim = !(message instanceof LastHttpContent);
                ReferenceCountUtil.release(message);
                return true;
            }
            droppingInterim = false;
            if (message instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL
                    && response.status().code() != HttpResponseStatus.CONTINUE.code()) {
                ReferenceCountUtil.release(message);
                if (response.status().code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
                    ctx.close();
                } else {
                    droppingInterim = !(message instanceof LastHttpContent);
                }
                return true;
            }
            return false;
        }

        /**
         * A connection that closes mid-answer fails the answer as {@link AnswerFailed}: the browser left, or the
         * upstream closed it (which the client would report as a bare {@code ResponseClosedException}, a 500).
         */
        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            heldHead = null;
            if (current != null && current.abandoned()) {
                ctx.fireExceptionCaught(AnswerFailed.browserLeft());
            } else if (ends.answering()) {
                ctx.fireExceptionCaught(AnswerFailed.closed());
            }
            endCurrent();
            ctx.fireChannelInactive();
        }

        private void endCurrent() {
            if (current != null) {
                current.end();
                current = null;
            }
        }
    }

    /** One forwarded request, from its forwarding to the end of its answer or the browser's leaving. */
    final class Exchange {
        private final String id;
        private final Channel browser;
        private final ChannelFutureListener browserGone = closed -> abandon();
        private Channel upstream;
        private boolean answered;
        private boolean abandoned;

        private Exchange(String id, Channel browser) {
            this.id = id;
            this.browser = browser;
        }

        String id() {
            return id;
        }

        /**
         * The answer is complete, or no answer will come (the request failed, or its forwarding was cancelled):
         * the browser's close no longer concerns the upstream.
         */
        void end() {
            open.remove(id);
            browser.closeFuture().removeListener(browserGone);
            synchronized (this) {
                upstream = null;
            }
        }

        /** The upstream's answer head has arrived; its body, if any, follows on the bound connection. */
        synchronized void answered() {
            answered = true;
        }

        /**
         * The forwarding was cancelled: before an answer, it ends the exchange (nothing is bound, or the client
         * drops the connection); after one, the cancel only follows it, and the body still streams.
         */
        void cancelled() {
            boolean ends;
            synchronized (this) {
                ends = !answered;
            }
            if (ends) {
                end();
            }
        }

        private synchronized boolean abandoned() {
            return abandoned;
        }

        private synchronized void bind(Channel connection) {
            if (abandoned) {
                open.remove(id);
                connection.close();
            } else {
                upstream = connection;
            }
        }

        /** The browser left: close the bound connection, or stay open to close the one it is bound to next. */
        private synchronized void abandon() {
            abandoned = true;
            if (upstream != null) {
                open.remove(id);
                upstream.close();
            }
        }
    }
}
