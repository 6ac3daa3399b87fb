package dev.gatehouse.adapter.in.web.browser;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * A CSRF check that runs before the route judges the request: a form another site submits (form-encoded,
 * multipart or {@code text/plain}, the only bodies a form can send) gets the documented {@code 403}, not the
 * {@code 415} or {@code 400} its body would earn further in (Micronaut answers a route miss's 415 after the
 * filters). Inside CORS, so that a page of an allowed origin can read the refusal; before the media-type check.
 * The controller checks again: a spelling of the path that the router accepts and a filter's pattern does not
 * (a trailing slash, before the patterns named it) must not pass unchecked.
 */
public abstract class CsrfFirstFilter implements HttpServerFilter {

    /** The refusal of {@code request}, if it needs the CSRF proof and lacks it. */
    protected abstract Optional<MutableHttpResponse<?>> refusal(HttpRequest<?> request);

    @Override
    public final int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 50;
    }

    @Override
    public final Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return refusal(request).<Publisher<MutableHttpResponse<?>>>map(refused -> Mono.just(dated(refused)))
                .orElseGet(() -> chain.proceed(request));
    }

    /** A filter's answer gets no {@code Date} from the framework, which sets it on the answers of routes (RFC 9110 §6.6.1). */
    private static MutableHttpResponse<?> dated(MutableHttpResponse<?> response) {
        response.getHeaders().date(LocalDateTime.now(ZoneOffset.UTC));
        return response;
    }
}
