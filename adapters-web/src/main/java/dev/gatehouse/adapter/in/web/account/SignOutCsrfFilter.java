package dev.gatehouse.adapter.in.web.account;

import dev.gatehouse.adapter.in.web.browser.CsrfGuard;
import dev.gatehouse.adapter.in.web.browser.HostCookie;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The first CSRF check of a sign-out by cookie ({@code POST /auth/sign-out} with {@code __Host-gh_refresh} and no
 * bearer), before anything else judges the request: a form another site submits is refused with the documented
 * {@code 403}, not with the {@code 415} or {@code 400} its body would earn further in. The request must pass for
 * some cookie client; {@link SignOutController} then checks it against the client whose session the cookie names.
 */
@Filter(value = "/auth/sign-out", methods = HttpMethod.POST)
final class SignOutCsrfFilter implements HttpServerFilter {

    private final CsrfGuard csrf;

    SignOutCsrfFilter(CsrfGuard csrf) {
        this.csrf = csrf;
    }

    /** Inside CORS, so that a page of an allowed origin can read the refusal; before the media-type check. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 50;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<MutableHttpResponse<?>> refusal = !BearerAuthentication.presentIn(request) && HostCookie.REFRESH.read(request).isPresent()
                ? csrf.refusalForAnyCookieClient(request) : Optional.empty();
        return refusal.<Publisher<MutableHttpResponse<?>>>map(Mono::just).orElseGet(() -> chain.proceed(request));
    }
}
