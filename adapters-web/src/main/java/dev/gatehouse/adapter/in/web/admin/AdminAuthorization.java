package dev.gatehouse.adapter.in.web.admin;

import dev.gatehouse.adapter.in.web.account.BearerAuthentication;
import dev.gatehouse.adapter.in.web.browser.ClientAddresses;
import dev.gatehouse.adapter.in.web.problem.InsufficientScopeException;
import dev.gatehouse.adapter.in.web.problem.NotAuthenticatedException;
import dev.gatehouse.adapter.in.web.problem.UnknownResultException;
import dev.gatehouse.application.port.in.client.AuthorizeClientUseCase.ClientAuthorization;
import dev.gatehouse.application.port.in.client.AuthorizeClientUseCase;
import dev.gatehouse.application.port.in.admin.Administrator;
import dev.gatehouse.domain.client.Scopes;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits callers of {@code /admin}: a bearer access token (RFC 6750) of a service client with scope
 * {@code admin}. No or no valid token: {@code 401} with {@code WWW-Authenticate: Bearer}; a valid token
 * without the scope (every user's token, a service client's without {@code admin}): {@code 403} with
 * {@code error="insufficient_scope"} (§3.1).
 */
@Singleton
final class AdminAuthorization {

    private static final Logger LOG = LoggerFactory.getLogger(AdminAuthorization.class);

    private final AuthorizeClientUseCase authorize;
    private final ClientAddresses addresses;

    AdminAuthorization(AuthorizeClientUseCase authorize, ClientAddresses addresses) {
        this.authorize = authorize;
        this.addresses = addresses;
    }

    /** The acting service client and its address, or {@link NotAuthenticatedException} / {@link InsufficientScopeException}. */
    Administrator require(HttpRequest<?> request) {
        ClientAuthorization result = authorize.authorize(BearerAuthentication.tokenOf(request), Scopes.ADMIN);
        if (result instanceof ClientAuthorization.Authorized authorized) {
            return new Administrator(authorized.client(), addresses.of(request));
        }
        if (result instanceof ClientAuthorization.InsufficientScope) {
            throw new InsufficientScopeException(Scopes.ADMIN);
        }
        if (result instanceof ClientAuthorization.Unauthenticated unauthenticated) {
            LOG.debug("admin bearer token refused: {}", unauthenticated.reason());
            throw new NotAuthenticatedException(true);
        }
        throw new UnknownResultException(result);
    }
}
