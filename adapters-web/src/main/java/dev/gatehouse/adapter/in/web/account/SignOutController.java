package dev.gatehouse.adapter.in.web.account;

import dev.gatehouse.adapter.in.web.body.StrictJson;
import dev.gatehouse.adapter.in.web.browser.ClientAddresses;
import dev.gatehouse.adapter.in.web.browser.ClientRegistry;
import dev.gatehouse.adapter.in.web.browser.CookieParameters;
import dev.gatehouse.adapter.in.web.browser.CsrfGuard;
import dev.gatehouse.adapter.in.web.browser.HostCookie;
import dev.gatehouse.adapter.in.web.oauth.TokenDelivery;
import dev.gatehouse.adapter.in.web.problem.NotAuthenticatedException;
import dev.gatehouse.adapter.in.web.problem.Problem;
import dev.gatehouse.adapter.in.web.problem.ProblemResponses;
import dev.gatehouse.adapter.in.web.problem.ProblemType;
import dev.gatehouse.adapter.in.web.problem.Responses;
import dev.gatehouse.adapter.in.web.problem.UnknownResultException;
import dev.gatehouse.application.port.in.Caller;
import dev.gatehouse.application.port.in.SignOutUseCase;
import dev.gatehouse.application.port.in.SignOutUseCase.SignOutResult;
import dev.gatehouse.domain.token.ClientId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code POST /auth/sign-out} ends one session, named by a bearer access token, by the refresh token in
 * the JSON body ({@code {"refreshToken": ...}}, body clients), or by the refresh cookie (cookie clients,
 * CSRF-checked); {@code POST /auth/sign-out-everywhere} ends all of the bearer's sessions. Both take effect
 * at once. A cookie client's refresh token never travels in a body: a {@code refreshToken} sent with the
 * cookie, from a cookie client's page, or naming a cookie client's session, is refused ({@code 400},
 * {@code error: invalid_request}) and the session goes on. A
 * session of the {@code /bff} proxy's client ends at {@code /bff/logout} only: its access token, or its refresh
 * token in the body or a cookie, is refused here ({@code 400}, {@code error: unauthorized_client}) and the
 * session goes on.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Sessions")
@ProblemResponses.Unauthenticated
@ProblemResponses.Unavailable
final class SignOutController {

    private final SignOutUseCase signOut;
    private final BearerAuthentication bearer;
    private final StrictJson json;
    private final CsrfGuard csrf;
    private final ClientRegistry clients;
    private final ClientAddresses addresses;

    SignOutController(SignOutUseCase signOut, BearerAuthentication bearer, StrictJson json, CsrfGuard csrf,
            ClientRegistry clients, ClientAddresses addresses) {
        this.signOut = signOut;
        this.bearer = bearer;
        this.json = json;
        this.csrf = csrf;
        this.clients = clients;
        this.addresses = addresses;
    }

    @ProblemResponses.BodylessSuccess
    @Post(uri = "/auth/sign-out", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(summary = "End one session, named by `Authorization: Bearer`, by the `__Host-gh_refresh` cookie or by "
            + "`{refreshToken}` in the body (in that order)", parameters = {
                @Parameter(name = CookieParameters.REFRESH, in = ParameterIn.COOKIE,
                        description = CookieParameters.REFRESH_DESCRIPTION, schema = @Schema(type = "string")),
                @Parameter(name = CookieParameters.CSRF_HEADER, in = ParameterIn.HEADER,
                        description = CookieParameters.CSRF_DESCRIPTION, schema = @Schema(type = "string"))},
            requestBody = @RequestBody(required = false, description = "The same JSON under either media type", content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignOutRequest.class)),
                @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(implementation = SignOutRequest.class))}))
    @ApiResponse(responseCode = "204", description = "The session is ended; the refresh cookie is cleared",
            headers = @Header(name = "Set-Cookie", description = "`__Host-gh_refresh=` with `Max-Age=0`"))
    @ApiResponse(responseCode = "400", description = "The refresh token is not valid, or the body is malformed",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ProblemResponses.CsrfRefused
    @ProblemResponses.UnsupportedMediaType
    @SecurityRequirement(name = "")
    @SecurityRequirement(name = "bearer")
    HttpResponse<?> signOut(HttpRequest<?> request, @Body @Nullable byte[] body) {
        if (BearerAuthentication.presentIn(request)) {
            return signOutByBearer(bearer.requireAnySession(request));
        }
        String inBody = body == null || body.length == 0 ? null : json.read(body, SignOutRequest.class).refreshToken();
        Optional<String> cookie = HostCookie.REFRESH.read(request);
        if (cookie.isPresent()) {
            return signOutByCookie(request, cookie.get(), inBody);
        }
        if (inBody == null) {
            throw new NotAuthenticatedException(false);
        }
        if (csrf.fromCookieClientPage(request)) {
            return tokenInBody();
        }
        SignOutResult result = signOut.signOut(inBody, this::takesItsRefreshTokenInTheBody, addresses.of(request));
        if (result instanceof SignOutResult.SignedOut) {
            return signedOut();
        }
        if (result instanceof SignOutResult.NotAuthentic) {
            return Responses.problem(ProblemType.INVALID_REFRESH_TOKEN, "The refresh token is not valid.");
        }
        if (result instanceof SignOutResult.OtherEndpoint other) {
            return endsHere(other.client()) ? tokenInBody() : proxySession();
        }
        throw new UnknownResultException(result);
    }

    @ProblemResponses.BodylessSuccess
    @Post(uri = "/auth/sign-out-everywhere", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(summary = "End every session of the caller's account at once")
    @ApiResponse(responseCode = "204", description = "Every session is ended")
    @SecurityRequirement(name = "bearer")
    HttpResponse<?> signOutEverywhere(HttpRequest<?> request) {
        signOut.signOutEverywhere(bearer.require(request));
        return signedOut();
    }

    private MutableHttpResponse<?> signOutByBearer(Caller caller) {
        if (!endsHere(caller.client())) {
            return proxySession();
        }
        signOut.signOut(caller);
        return signedOut();
    }

    /** Every session ends here but those of the {@code /bff} proxy's client, which end at {@code /bff/logout}. */
    private boolean endsHere(ClientId client) {
        return clients.find(client.value()).filter(TokenDelivery::heldByProxy).isEmpty();
    }

    /** Whether a refresh token of this client may travel in a body: not when its client keeps it in a cookie or in the proxy. */
    private boolean takesItsRefreshTokenInTheBody(ClientId client) {
        return clients.find(client.value()).filter(settings -> !TokenDelivery.usesBody(settings)).isEmpty();
    }

    private static MutableHttpResponse<?> proxySession() {
        return Responses.problem(ProblemType.UNAUTHORIZED_CLIENT, "Sessions of this client end at /bff/logout only.", "unauthorized_client");
    }

    /**
     * A cookie proves nothing by itself: the request must also come from one of the origins of the cookie
     * client whose session the cookie names (another cookie client's page may not end it). That it passes for
     * some cookie client, {@link SignOutCsrfFilter} checked before the body was read, for the paths it matches.
     */
    private MutableHttpResponse<?> signOutByCookie(HttpRequest<?> request, String token, String inBody) {
        Optional<MutableHttpResponse<?>> refusal = csrf.refusalForAnyCookieClient(request);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (inBody != null) {
            return tokenInBody();
        }
        Predicate<ClientId> mayEnd = client -> endsHere(client) && csrfRefusal(request, client).isEmpty();
        if (signOut.signOut(token, mayEnd, addresses.of(request)) instanceof SignOutResult.OtherEndpoint other) {
            return csrfRefusal(request, other.client()).orElseGet(SignOutController::proxySession);
        }
        return signedOut();
    }

    private Optional<MutableHttpResponse<?>> csrfRefusal(HttpRequest<?> request, ClientId client) {
        return clients.find(client.value()).flatMap(settings -> csrf.refusalForCookies(request, settings));
    }

    private static MutableHttpResponse<?> tokenInBody() {
        return Responses.problem(ProblemType.MALFORMED_REQUEST,
                "A cookie client's refresh token travels only in its cookie, never in a body.", "invalid_request");
    }

    private static MutableHttpResponse<?> signedOut() {
        MutableHttpResponse<?> response = HttpResponse.noContent();
        HostCookie.REFRESH.clear(response);
        return response;
    }
}
