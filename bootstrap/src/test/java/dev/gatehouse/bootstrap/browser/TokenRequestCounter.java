package dev.gatehouse.bootstrap.browser;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;

/** Counts the {@code POST /auth/token} requests that reach the server, for {@link BrowserClientTest} only. */
@Filter("/auth/token")
@Requires(property = BrowserClientTest.SWITCH, value = "true")
final class TokenRequestCounter implements HttpServerFilter {

    private final AtomicInteger requests = new AtomicInteger();

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (request.getMethod() == HttpMethod.POST) {
            requests.incrementAndGet();
        }
        return chain.proceed(request);
    }

    int count() {
        return requests.get();
    }
}
