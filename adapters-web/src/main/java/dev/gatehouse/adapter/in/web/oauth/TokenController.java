package dev.gatehouse.adapter.in.web.oauth;

import dev.gatehouse.adapter.in.web.browser.ClientAddresses;
import dev.gatehouse.adapter.in.web.browser.ClientRegistry;
import dev.gatehouse.adapter.in.web.browser.ClientSettings;
import dev.gatehouse.adapter.in.web.browser.CookieParameters;
import dev.gatehouse.adapter.in.web.browser.CsrfGuard;
import dev.gatehouse.adapter.in.web.browser.HostCookie;
import dev.gatehouse.adapter.in.web.problem.UnknownResultException;
import dev.gatehouse.application.port.in.RefreshTokensUseCase;
import dev.gatehouse.application.port.in.RefreshTokensUseCase.RefreshCommand;
import dev.gatehouse.application.port.in.RefreshTokensUseCase.RefreshResult;
import dev.gatehouse.application.port.in.SignInUseCase;
import dev.gatehouse.application.port.in.SignInUseCase.SignInCommand;
import dev.gatehouse.application.port.in.SignInUseCase.SignInResult;
import dev.gatehouse.domain.token.ClientId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token endpoint (RFC 6749 §3.2): {@code grant_type=password} (§4.3) signs in,
 * {@code grant_type=refresh_token} (§6) rotates, {@code grant_type=client_credentials} (§4.4) serves service
 * clients ({@link ClientCredentialsGrant}); the client is named by {@code client_id} or by HTTP Basic
 * ({@link ClientCredentials}). Errors are RFC 6749 §5.2 JSON; a grant type not in {@link #GRANT_TYPES} is
 * {@code unsupported_grant_type} for every client, before any client-specific check. A client whose refresh
 * token travels in a cookie presents it only there: a {@code refresh_token} parameter of such a client is
 * refused ({@code invalid_request}), whether or not the cookie is present too; a body client's {@code refresh_token}
 * beside a refresh-token cookie of another value is refused too, since which one was meant is anybody's guess.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "OAuth")
@OAuthErrorResponses
final class TokenController {

    static final String PATH = "/auth/token";
    /** The grant types of this endpoint, as the metadata names them (RFC 8414 {@code grant_types_supported}). */
    static final List<String> GRANT_TYPES = List.of("password", "refresh_token", ClientCredentialsGrant.GRANT_TYPE);
    /** Why a proxy client is refused here and at {@code /auth/revoke}. */
    static final String PROXY_ONLY = "This client's sessions live in the /bff proxy only.";
    private static final Logger LOG = LoggerFactory.getLogger(TokenController.class);

    private final SignInUseCase signIn;
    private final RefreshTokensUseCase refresh;
    private final ClientRegistry clients;
    private final FormParameters parameters;
    private final ClientAddresses addresses;
    private final CsrfGuard csrf;
    private final ClientCredentialsGrant clientCredentials;
    private final ServiceClientAuthentication serviceClients;

    TokenController(SignInUseCase signIn, RefreshTokensUseCase refresh, ClientRegistry clients, FormParameters parameters,
            ClientAddresses addresses, CsrfGuard csrf, ClientCredentialsGrant clientCredentials,
            ServiceClientAuthentication serviceClients) {
        this.signIn = signIn;
        this.refresh = refresh;
        this.clients = clients;
        this.parameters = parameters;
        this.addresses = addresses;
        this.csrf = csrf;
        this.clientCredentials = clientCredentials;
        this.serviceClients = serviceClients;
    }

    @Post(uri = PATH, consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON},
            produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in (`grant_type=password`), refresh (`grant_type=refresh_token`, rotates the token) or, "
            + "for a service client, get an access token (`grant_type=client_credentials`)",
            parameters = {
                @Parameter(name = CookieParameters.REFRESH, in = ParameterIn.COOKIE,
                        description = CookieParameters.REFRESH_DESCRIPTION, schema = @Schema(type = "string")),
                @Parameter(name = CookieParameters.CSRF_HEADER, in = ParameterIn.HEADER,
                        description = CookieParameters.CSRF_DESCRIPTION, schema = @Schema(type = "string"))},
            requestBody = @RequestBody(required = true, content = {
                @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = TokenRequest.class)),
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenRequest.class))}))
    @ApiResponse(responseCode = "200", description = "Tokens: with the session's members for `password` and `refresh_token`, "
            + "with `scope` for `client_credentials`; `Cache-Control: no-store`",
            headers = @Header(name = "Set-Cookie", description = "Cookie clients: `__Host-gh_refresh` (the refresh token)"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
    @SecurityRequirement(name = "")
    @SecurityRequirement(name = "basic")
    HttpResponse<?> token(HttpRequest<?> request, @Body @Nullable byte[] body) {
        Map<String, String> params;
        try {
            params = parameters.read(request.getContentType().orElse(null), body);
        } catch (FormParameters.MalformedParameters malformed) {
            return OAuthResponses.error(OAuthError.Code.INVALID_REQUEST, malformed.getMessage());
        }
        ClientCredentials credentials;
        try {
            credentials = ClientCredentials.of(request, params);
        } catch (FormParameters.MalformedParameters malformed) {
            return OAuthResponses.error(OAuthError.Code.INVALID_REQUEST, malformed.getMessage());
        }
        Optional<ClientSettings> client = clients.find(credentials.clientId());
        if (client.isEmpty()) {
            return serviceClients.unknownClient(request, credentials);
        }
        if (TokenDelivery.heldByProxy(client.get())) {
            return OAuthResponses.error(OAuthError.Code.UNAUTHORIZED_CLIENT, PROXY_ONLY);
        }
        if (credentials.secretForPublic(client.get())) {
            return OAuthResponses.invalidClient(ClientCredentials.NO_SECRET, credentials.basic());
        }
        Optional<MutableHttpResponse<?>> refusal = csrf.refusalForCookies(request, client.get());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        String grantType = params.get("grant_type");
        if (grantType == null) {
            return OAuthResponses.error(OAuthError.Code.INVALID_REQUEST, "The grant_type parameter is required.");
        }
        if (!GRANT_TYPES.contains(grantType)) {
            return OAuthResponses.error(OAuthError.Code.UNSUPPORTED_GRANT_TYPE,
                    "Supported grant types are password, refresh_token and client_credentials.");
        }
        if (ClientCredentialsGrant.applies(client.get(), grantType)) {
            return clientCredentials.grant(request, client.get(), credentials, params);
        }
        if (!TokenDelivery.usesBody(client.get()) && params.containsKey("refresh_token")) {
            return OAuthResponses.error(OAuthError.Code.INVALID_REQUEST,
                    "This client's refresh token travels only in its cookie, never in a body.");
        }
        return "password".equals(grantType) ? password(request, params, client.get()) : refresh(request, params, client.get());
    }

    private MutableHttpResponse<?> password(HttpRequest<?> request, Map<String, String> params, ClientSettings client) {
        String username = params.get("username");
        String password = params.get("password");
        if (username == null || password == null) {
            return OAuthResponses.error(OAuthError.Code.INVALID_REQUEST, "The username and password parameters are required.");
        }
        SignInResult result = signIn.signIn(new SignInCommand(username, password, new ClientId(client.getId()),
                request.getHeaders().get(HttpHeaders.USER_AGENT), addresses.of(request)));
        if (result instanceof SignInResult.SignedIn signedIn) {
            return TokenDelivery.deliver(signedIn.tokens(), client);
        }
        if (result instanceof SignInResult.Throttled throttled) {
            return OAuthResponses.tooManyRequests("Too many sign-in attempts; try again later.", throttled.retryAfter());
        }
        if (result instanceof SignInResult.InvalidCredentials) {
            return OAuthResponses.error(OAuthError.Code.INVALID_GRANT, "The username or password is incorrect.");
        }
        throw new UnknownResultException(result);
    }

    private MutableHttpResponse<?> refresh(HttpRequest<?> request, Map<String, String> params, ClientSettings client) {
        boolean inBody = TokenDelivery.usesBody(client);
        String token = inBody ? params.get("refresh_token") : HostCookie.REFRESH.read(request).orElse(null);
        if (token == null || token.isEmpty()) {
            return OAuthResponses.error(OAuthError.Code.INVALID_REQUEST,
                    inBody ? "The refresh_token parameter is required." : "The refresh token cookie is missing.");
        }
        if (inBody && HostCookie.REFRESH.read(request).filter(cookie -> !cookie.equals(token)).isPresent()) {
            return OAuthResponses.error(OAuthError.Code.INVALID_REQUEST,
                    "The refresh_token parameter and the refresh token cookie differ; present one token.");
        }
        RefreshResult result = refresh.refresh(new RefreshCommand(token, new ClientId(client.getId()), addresses.of(request)));
        if (result instanceof RefreshResult.Refreshed refreshed) {
            return TokenDelivery.deliver(refreshed.tokens(), client);
        }
        if (!(result instanceof RefreshResult.InvalidGrant invalid)) {
            throw new UnknownResultException(result);
        }
        LOG.info("refresh refused: {} (client {})", invalid.reason(), client.getId());
        var response = OAuthResponses.error(OAuthError.Code.INVALID_GRANT, "The refresh token is invalid, expired or revoked.");
        if (!TokenDelivery.usesBody(client)) {
            HostCookie.REFRESH.clear(response);
        }
        return response;
    }
}
