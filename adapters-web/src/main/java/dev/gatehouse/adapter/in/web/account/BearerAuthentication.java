package dev.gatehouse.adapter.in.web.account;

import dev.gatehouse.adapter.in.web.browser.ClientAddresses;
import dev.gatehouse.adapter.in.web.browser.ClientRegistry;
import dev.gatehouse.adapter.in.web.oauth.TokenDelivery;
import dev.gatehouse.adapter.in.web.problem.NotAuthenticatedException;
import dev.gatehouse.adapter.in.web.problem.UnknownResultException;
import dev.gatehouse.application.port.in.AuthenticateUseCase;
import dev.gatehouse.application.port.in.AuthenticateUseCase.Authentication;
import dev.gatehouse.application.port.in.Caller;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code Authorization: Bearer <token>} (RFC 6750 §2.1: {@code "Bearer" 1*SP b64token}, one or more spaces and
 * no tabs; the scheme is case-insensitive) and asks
 * the {@link AuthenticateUseCase}. Tokens anywhere else (query string, form body, cookies) are ignored. A
 * token of a {@code /bff} session (a {@code delivery: proxy} client) is accepted by {@code /bff} only
 * (API.md, clients): here it is refused like an invalid one.
 */
@Singleton
public final class BearerAuthentication {

    private static final Logger LOG = LoggerFactory.getLogger(BearerAuthentication.class);
    private static final String SCHEME = "Bearer ";
    private static final Pattern BEARER = Pattern.compile("(?i)bearer +([A-Za-z0-9\\-._~+/]+=*)");

    private final AuthenticateUseCase authenticate;
    private final ClientAddresses addresses;
    private final ClientRegistry clients;

    BearerAuthentication(AuthenticateUseCase authenticate, ClientAddresses addresses, ClientRegistry clients) {
        this.authenticate = authenticate;
        this.addresses = addresses;
        this.clients = clients;
    }

    /**
     * The caller, calling from the request's client address; {@link NotAuthenticatedException} without a valid
     * token, and for the token of a {@code /bff} session.
     */
    public Caller require(HttpRequest<?> request) {
        Caller caller = requireAnySession(request);
        if (clients.find(caller.client().value()).filter(TokenDelivery::heldByProxy).isPresent()) {
            LOG.debug("bearer token of a /bff session refused outside /bff (client {})", caller.client());
            throw new NotAuthenticatedException(true);
        }
        return caller;
    }

    /**
     * The caller whichever client its session belongs to, for {@code /auth/sign-out}, which tells a
     * {@code /bff} session's caller where that session ends instead.
     */
    Caller requireAnySession(HttpRequest<?> request) {
        Authentication result = authenticate.authenticate(tokenOf(request));
        if (result instanceof Authentication.Authenticated authenticated) {
            return authenticated.caller().from(addresses.of(request));
        }
        if (result instanceof Authentication.Unauthenticated unauthenticated) {
            LOG.debug("bearer token refused: {}", unauthenticated.reason());
            throw new NotAuthenticatedException(true);
        }
        throw new UnknownResultException(result);
    }

    /**
     * The bearer token of {@code request}'s {@code Authorization} header, or {@link NotAuthenticatedException}.
     * Another scheme (such as {@code Basic}) counts as no authentication: RFC 6750 §3.1 wants no error code then.
     * Two {@code Authorization} headers are refused like an invalid token, whichever comes first: taking one of them
     * would let a proxy in front and this service disagree on who calls.
     */
    public static String tokenOf(HttpRequest<?> request) {
        if (request.getHeaders().getAll(HttpHeaders.AUTHORIZATION).size() > 1) {
            throw new NotAuthenticatedException(true);
        }
        Optional<String> header = request.getHeaders().get(HttpHeaders.AUTHORIZATION, String.class).map(String::strip);
        if (header.isEmpty() || !header.get().regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new NotAuthenticatedException(false);
        }
        var bearer = BEARER.matcher(header.get());
        if (!bearer.matches()) {
            throw new NotAuthenticatedException(true);
        }
        return bearer.group(1);
    }

    /** Whether the request carries an {@code Authorization} header at all. */
    static boolean presentIn(HttpRequest<?> request) {
        return request.getHeaders().contains(HttpHeaders.AUTHORIZATION);
    }
}
