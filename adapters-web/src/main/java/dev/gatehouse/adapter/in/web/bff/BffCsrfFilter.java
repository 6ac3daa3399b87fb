package dev.gatehouse.adapter.in.web.bff;

import dev.gatehouse.adapter.in.web.browser.CsrfGuard;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The CSRF check of {@code POST /bff/login} and {@code /bff/logout}, before anything else judges the request: a
 * form another site submits (form-encoded, multipart or {@code text/plain}, the only bodies a form can send) is
 * refused with the documented {@code 403}, not with the {@code 415} or {@code 400} its body would earn further
 * in. Inside CORS, so that a page of an allowed origin can read the refusal; before the media-type check.
 */
@Filter(value = {"/bff/login", "/bff/logout"}, methods = HttpMethod.POST)
final class BffCsrfFilter implements HttpServerFilter {

    private final BffClient client;
    private final CsrfGuard csrf;

    BffCsrfFilter(BffClient client, CsrfGuard csrf) {
        this.client = client;
        this.csrf = csrf;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 50;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return csrf.refusal(request, client.settings()).<Publisher<MutableHttpResponse<?>>>map(Mono::just)
                .orElseGet(() -> chain.proceed(request));
    }
}
