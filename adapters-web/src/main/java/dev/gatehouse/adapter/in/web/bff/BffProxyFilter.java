package dev.gatehouse.adapter.in.web.bff;

import dev.gatehouse.adapter.in.web.browser.ClientAddresses;
import dev.gatehouse.adapter.in.web.browser.HostCookie;
import dev.gatehouse.adapter.in.web.problem.ProblemType;
import dev.gatehouse.adapter.in.web.problem.Responses;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.http.exceptions.BufferLengthExceededException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.netty.channel.Channel;
import jakarta.inject.Named;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * {@code ANY /bff/api/{path}}: the API proxy of the backend-for-frontend pattern. The browser holds only
 * HttpOnly cookies; {@link ProxyAdmission} decides on the blocking pool whether and with which access
 * token the request goes on, and this filter then streams it to {@code <gatehouse.bff.upstream-url>/<path>}
 * with Micronaut's {@code ProxyHttpClient}, headers as {@link UpstreamHeaders} rules, setting the
 * session's new cookies on the answer when it was refreshed. Nothing reaches the upstream without a live
 * session. It answers instead of a route, so it runs inside the other filters (CORS, and the HTTP metrics,
 * whose {@code http_server_requests_seconds} counts its answers as {@code uri="/bff/api/{path}"}).
 */
@Filter(ProxyAdmission.PREFIX + "**")
final class BffProxyFilter implements HttpServerFilter {

    /** The route template that the HTTP metrics name a proxied request by. */
    static final String URI_TEMPLATE = ProxyAdmission.PREFIX + "{path}";

    private static final Logger LOG = LoggerFactory.getLogger(BffProxyFilter.class);

    private final BffUpstream upstream;
    private final ProxyAdmission admission;
    private final ClientAddresses addresses;
    private final Scheduler blocking;

    BffProxyFilter(BffUpstream upstream, ProxyAdmission admission, ClientAddresses addresses,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.upstream = upstream;
        this.admission = admission;
        this.addresses = addresses;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    /** Innermost, after every filter of the framework and of this service: it answers instead of a route and would cut them off. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (upstream.base().isEmpty()) {
            return chain.proceed(request);
        }
        BasicHttpAttributes.setUriTemplate(request, URI_TEMPLATE);
        CloseableByteBody reservation = reserveBody(request);
        return Mono.fromCallable(() -> admission.admit(request))
                .subscribeOn(blocking)
                .flatMap(decision -> decision instanceof Admission.Admitted admitted
                        ? forward(request, admitted)
                        : Mono.just(((Admission.Refused) decision).response()))
                .doFinally(signal -> reservation.close());
    }

    /**
     * Claims the request body at once, on the event loop: an unclaimed body would be buffered in memory
     * (and refused past {@code max-request-buffer-size}) while the session is checked. The reservation
     * (a split that never reads) only keeps the body streamable for the proxy client, which claims it when
     * its connection is ready; it is released when the exchange ends.
     */
    private static CloseableByteBody reserveBody(HttpRequest<?> request) {
        return ((ServerHttpRequest<?>) request).byteBody().split(ByteBody.SplitBackpressureMode.FASTEST);
    }

    /**
     * Forwards the request as an {@linkplain UpstreamExchanges exchange} tied to the browser's connection: a
     * browser that leaves before the answer's end closes the upstream connection too.
     */
    private Mono<MutableHttpResponse<?>> forward(HttpRequest<?> request, Admission.Admitted admitted) {
        MutableHttpRequest<?> outgoing = request.mutate().uri(admitted.target());
        UpstreamHeaders.toUpstream(outgoing.getHeaders(), admitted.accessToken(), addresses.of(request));
        UpstreamExchanges.Exchange exchange = upstream.exchanges().open(browserConnection(request));
        outgoing.getHeaders().set(UpstreamExchanges.HEADER, exchange.id());
        return Mono.from(upstream.client().proxy(outgoing))
                .<MutableHttpResponse<?>>map(response -> {
                    exchange.answered();
                    UpstreamHeaders.toBrowser(response.getHeaders());
                    return bodiless(response.code()) ? withoutBody(response) : response;
                })
                .doOnCancel(exchange::cancelled)
                .onErrorResume(failure -> {
                    exchange.end();
                    return Mono.just(upstreamFailed(failure));
                })
                .map(response -> withRenewedSession(response, admitted));
    }

    /** 204 and 304 answers have no body (RFC 9110 §15.3.5, §15.4.5); 1xx answers never get here. */
    private static boolean bodiless(int status) {
        return status == HttpStatus.NO_CONTENT.getCode() || status == HttpStatus.NOT_MODIFIED.getCode();
    }

    /**
     * The upstream's bodiless answer as one of this server's own, without a body: the server frames the client's
     * answer as a stream of unknown length and marked a 304 {@code Transfer-Encoding: chunked}, with no chunks to
     * follow, so that a client that reads the marking (Python's http.client) waited for a body forever.
     */
    private static MutableHttpResponse<?> withoutBody(MutableHttpResponse<?> proxied) {
        MutableHttpResponse<?> answer = HttpResponse.status(HttpStatus.valueOf(proxied.code()));
        proxied.getHeaders().forEach((name, values) -> values.forEach(value -> answer.getHeaders().add(name, value)));
        return answer;
    }

    private static Channel browserConnection(HttpRequest<?> request) {
        return ((NettyHttpRequest<?>) request).getChannelHandlerContext().channel();
    }

    /**
     * Sets the session's new cookies when it was refreshed for this request, on every answer, the upstream's
     * and this proxy's own 4xx and 5xx alike: the browser's refresh token is spent by now, and without its
     * successor the next call would be a reuse past the grace, which revokes the session as theft.
     */
    private static MutableHttpResponse<?> withRenewedSession(MutableHttpResponse<?> response, Admission.Admitted admitted) {
        if (admitted.renewed() != null) {
            HostCookie.setSession(response, admitted.renewed());
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return response;
    }

    private static MutableHttpResponse<?> upstreamFailed(Throwable failure) {
        if (AnswerFailed.browserLeft(failure)) {
            return Responses.problem(ProblemType.BAD_GATEWAY, "The browser left."); // nobody reads it; no upstream failure
        }
        AnswerFailed answerFailed = failure instanceof ReadTimeoutException ? AnswerFailed.timedOut() : AnswerFailed.in(failure);
        if (answerFailed != null) {
            LOG.warn("bff upstream failed: {}", answerFailed.detail());
            return Responses.problem(answerFailed.type(), answerFailed.detail());
        }
        if (bodyTooLarge(failure)) {
            return Responses.problem(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than this proxy forwards.");
        }
        LOG.warn("bff upstream failed: {}", failure.getClass().getSimpleName());
        return Responses.problem(ProblemType.BAD_GATEWAY, "The upstream API cannot be reached.");
    }

    /**
     * Whether the exchange failed on the caller's body: past {@code micronaut.server.max-request-size} as
     * sent, or, with {@code Content-Encoding: gzip}, once inflated. The caller's fault, not the upstream's.
     */
    static boolean bodyTooLarge(Throwable failure) {
        return failure instanceof ContentLengthExceededException || failure instanceof BufferLengthExceededException;
    }
}
