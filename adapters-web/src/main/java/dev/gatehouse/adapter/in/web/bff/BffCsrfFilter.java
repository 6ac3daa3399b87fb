package dev.gatehouse.adapter.in.web.bff;

import dev.gatehouse.adapter.in.web.browser.CsrfFirstFilter;
import dev.gatehouse.adapter.in.web.browser.CsrfGuard;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import java.util.Optional;

/** The CSRF check of {@code POST /bff/login} and {@code /bff/logout}, for the proxy client, before the route (which checks again). */
@Filter(value = {"/bff/login", "/bff/login/**", "/bff/logout", "/bff/logout/**"}, methods = HttpMethod.POST)
final class BffCsrfFilter extends CsrfFirstFilter {

    private final BffClient client;
    private final CsrfGuard csrf;

    BffCsrfFilter(BffClient client, CsrfGuard csrf) {
        this.client = client;
        this.csrf = csrf;
    }

    @Override
    protected Optional<MutableHttpResponse<?>> refusal(HttpRequest<?> request) {
        return csrf.refusal(request, client.settings());
    }
}
