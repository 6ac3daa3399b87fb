package dev.gatehouse.adapter.in.web.account;

import dev.gatehouse.adapter.in.web.browser.CsrfFirstFilter;
import dev.gatehouse.adapter.in.web.browser.CsrfGuard;
import dev.gatehouse.adapter.in.web.browser.HostCookie;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import java.util.Optional;

/**
 * The first CSRF check of a sign-out by cookie ({@code POST /auth/sign-out} with {@code __Host-gh_refresh} and no
 * bearer), before the route: the request must pass for some cookie client. {@link SignOutController} checks the
 * same, and then checks it against the client whose session the cookie names.
 */
@Filter(value = {"/auth/sign-out", "/auth/sign-out/**"}, methods = HttpMethod.POST)
final class SignOutCsrfFilter extends CsrfFirstFilter {

    private final CsrfGuard csrf;

    SignOutCsrfFilter(CsrfGuard csrf) {
        this.csrf = csrf;
    }

    @Override
    protected Optional<MutableHttpResponse<?>> refusal(HttpRequest<?> request) {
        return !BearerAuthentication.presentIn(request) && HostCookie.REFRESH.read(request).isPresent()
                ? csrf.refusalForAnyCookieClient(request) : Optional.empty();
    }
}
