package dev.gatehouse.adapter.in.web.bff;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import java.util.Arrays;
import java.util.Locale;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * {@code Vary: Origin} (RFC 9110 §12.5.5) on every {@code /bff} response, errors included: each of them
 * depends on {@code Origin} — CORS headers for allowed origins, and the CSRF check of unsafe methods —
 * so no cache may answer one origin with another's response. Added once, next to any {@code Vary} of the
 * upstream. Runs around the proxy filter, so it also sees the answers the proxy gives itself.
 */
@Filter("/bff/**")
final class VaryOrigin implements HttpServerFilter {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return Mono.from(chain.proceed(request)).map(VaryOrigin::add);
    }

    static MutableHttpResponse<?> add(MutableHttpResponse<?> response) {
        boolean listed = response.getHeaders().getAll(HttpHeaders.VARY).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .anyMatch(name -> name.strip().toLowerCase(Locale.ROOT).equals("origin") || name.strip().equals("*"));
        return listed ? response : response.header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
    }
}
