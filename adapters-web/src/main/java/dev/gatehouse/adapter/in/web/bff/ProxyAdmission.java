package dev.gatehouse.adapter.in.web.bff;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import dev.gatehouse.adapter.in.web.browser.ClientAddresses;
import dev.gatehouse.adapter.in.web.browser.CsrfGuard;
import dev.gatehouse.adapter.in.web.browser.HostCookie;
import dev.gatehouse.adapter.in.web.problem.ProblemType;
import dev.gatehouse.adapter.in.web.problem.Responses;
import dev.gatehouse.application.port.in.AuthenticateUseCase;
import dev.gatehouse.application.port.in.AuthenticateUseCase.Authentication;
import dev.gatehouse.application.port.in.RefreshTokensUseCase.RefreshResult;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, before any upstream contact, whether a {@code /bff/api} request is forwarded: not TRACE or CONNECT
 * (405), its path must be safe ({@link UpstreamTarget}), an unsafe method needs the CSRF proof of the proxy
 * client, and the session must be live. The access cookie is forwarded only while it stays valid for more than {@link #MARGIN} (or half
 * its lifetime, when shorter);
 * otherwise the session is refreshed first (once per session, {@link SingleFlightRefresh}).
 */
@Singleton
final class ProxyAdmission {

    static final String PREFIX = "/bff/api/";
    /**
     * The clock leeway of this service's own token verification (ADR 0004): a token that expires within it
     * is still accepted here, but an upstream with less leeway, or a clock ahead of ours, rejects it.
     */
    static final Duration MARGIN = Duration.ofSeconds(30);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    /**
     * Not forwarded: an upstream that implements TRACE echoes the request back (RFC 9110 §9.3.8), with the
     * {@code Authorization} header this proxy adds, and CONNECT asks for a tunnel (§9.3.6), not a resource.
     */
    private static final Set<HttpMethod> UNFORWARDED = Set.of(HttpMethod.TRACE, HttpMethod.CONNECT);
    private static final String FORWARDED_METHODS = "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT";

    private final BffUpstream upstream;
    private final BffClient client;
    private final AuthenticateUseCase authenticate;
    private final SingleFlightRefresh refresh;
    private final CsrfGuard csrf;
    private final ClientAddresses addresses;
    private final Clock clock;

    ProxyAdmission(BffUpstream upstream, BffClient client, AuthenticateUseCase authenticate, SingleFlightRefresh refresh,
            CsrfGuard csrf, ClientAddresses addresses, Clock clock) {
        this.upstream = upstream;
        this.client = client;
        this.authenticate = authenticate;
        this.refresh = refresh;
        this.csrf = csrf;
        this.addresses = addresses;
        this.clock = clock;
    }

    /** Blocking: may read the session and rotate it. */
    Admission admit(HttpRequest<?> request) {
        if (UNFORWARDED.contains(request.getMethod())) {
            return new Admission.Refused(Responses.problem(ProblemType.METHOD_NOT_ALLOWED, "This proxy does not forward this method.")
                    .header(HttpHeaders.ALLOW, FORWARDED_METHODS));
        }
        String rawPath = request.getUri().getRawPath();
        Optional<URI> target = rawPath.startsWith(PREFIX)
                ? UpstreamTarget.resolve(upstream.base().orElseThrow(), rawPath.substring(PREFIX.length()), request.getUri().getRawQuery())
                : Optional.empty();
        if (target.isEmpty()) {
            return new Admission.Refused(Responses.problem(ProblemType.MALFORMED_REQUEST, "This path cannot be forwarded."));
        }
        Optional<MutableHttpResponse<?>> refusal = SAFE.contains(request.getMethod()) ? Optional.empty()
                : csrf.refusal(request, client.settings());
        if (refusal.isPresent()) {
            return new Admission.Refused(refusal.get());
        }
        Optional<String> access = HostCookie.ACCESS.read(request);
        if (access.isPresent() && usable(access.get())) {
            return new Admission.Admitted(target.get(), access.get(), null);
        }
        Optional<String> refreshToken = HostCookie.BFF.read(request);
        if (refreshToken.isPresent() && refresh.refresh(refreshToken.get(), client.id(), addresses.of(request)) instanceof RefreshResult.Refreshed refreshed) {
            return new Admission.Admitted(target.get(), refreshed.tokens().accessToken(), refreshed.tokens());
        }
        var unauthenticated = Responses.problem(ProblemType.UNAUTHENTICATED, "Sign in first.");
        if (access.isPresent() || refreshToken.isPresent()) {
            HostCookie.clearSession(unauthenticated); // only cookies it was sent and refused: a cross-site link sends none
        }
        return new Admission.Refused(unauthenticated);
    }

    /**
     * Valid beyond the margin (read from the claims first, which is cheap), verified with a live session, and
     * a token of the proxy's own client: the upstream is promised the session's token (client {@code bff}), never
     * one that a page planted in the cookie.
     */
    private boolean usable(String accessToken) {
        return validBeyondMargin(accessToken)
                && authenticate.authenticate(accessToken) instanceof Authentication.Authenticated authenticated
                && authenticated.caller().client().equals(client.id());
    }

    /**
     * Whether the token stays valid for the margin: {@link #MARGIN}, or half the token's lifetime when that is
     * shorter. With a fixed 30 s, tokens of 30 s or less would be refreshed on every request, and a browser's
     * parallel requests would soon replay a rotated refresh token past its successor: a reuse, which ends the session.
     */
    private boolean validBeyondMargin(String accessToken) {
        try {
            JWTClaimsSet claims = JWTParser.parse(accessToken).getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            Date issued = claims.getIssueTime();
            if (expiry == null || issued == null) {
                return false;
            }
            Duration halfLife = Duration.between(issued.toInstant(), expiry.toInstant()).dividedBy(2);
            Instant needed = clock.instant().plus(halfLife.compareTo(MARGIN) < 0 ? halfLife : MARGIN);
            return needed.isBefore(expiry.toInstant());
        } catch (ParseException notAJwt) {
            return false;
        }
    }
}
