package dev.gatehouse.adapter.in.web.oauth;

import dev.gatehouse.adapter.in.web.browser.ClientAddresses;
import dev.gatehouse.adapter.in.web.browser.ClientRegistry;
import dev.gatehouse.application.port.in.RevokeTokenUseCase;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.Optional;

/**
 * Token revocation, RFC 7009: {@code 200} for every well-formed request of a known client, also for
 * unknown, invalid or already revoked tokens (§2.2), so the endpoint tells nothing about tokens. The client
 * authenticates as at the token endpoint (§2.1, RFC 6749 §2.3; {@link ClientCredentials}): a public client
 * names itself by {@code client_id}, a service client also presents its secret, by HTTP Basic or as
 * {@code client_secret}, and a missing or wrong one is {@code 401 invalid_client}.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "OAuth")
@OAuthErrorResponses
final class RevocationController {

    static final String PATH = "/auth/revoke";

    private final RevokeTokenUseCase revoke;
    private final ServiceClientAuthentication serviceClients;
    private final ClientRegistry clients;
    private final FormParameters parameters;
    private final ClientAddresses addresses;

    RevocationController(RevokeTokenUseCase revoke, ServiceClientAuthentication serviceClients, ClientRegistry clients,
            FormParameters parameters, ClientAddresses addresses) {
        this.revoke = revoke;
        this.serviceClients = serviceClients;
        this.clients = clients;
        this.parameters = parameters;
        this.addresses = addresses;
    }

    @Post(uri = PATH, consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON},
            produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Revoke a refresh or access token, ending its session (RFC 7009)",
            requestBody = @RequestBody(required = true, content = {
                @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = RevocationRequest.class)),
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RevocationRequest.class))}))
    @ApiResponse(responseCode = "200", description = "For every well-formed request of an authenticated client, also for unknown, "
            + "invalid or already revoked tokens (RFC 7009 §2.2); the body is empty")
    @SecurityRequirement(name = "")
    @SecurityRequirement(name = "basic")
    // Typed as its success is, 200 without a body: the OpenAPI document takes the success's content from this type (any
    // other gave it a JSON object). The refusals carry RFC 6749 §5.2 bodies, which OAuthErrorResponses describes.
    @SuppressWarnings("unchecked")
    HttpResponse<Void> revoke(HttpRequest<?> request, @Body @Nullable byte[] body) {
        return (HttpResponse<Void>) answer(request, body);
    }

    private HttpResponse<?> answer(HttpRequest<?> request, @Nullable byte[] body) {
        Map<String, String> params;
        ClientCredentials credentials;
        try {
            params = parameters.read(request.getContentType().orElse(null), body);
            credentials = ClientCredentials.of(request, params);
        } catch (FormParameters.MalformedParameters malformed) {
            return OAuthResponses.error(OAuthError.Code.INVALID_REQUEST, malformed.getMessage());
        }
        var client = clients.find(credentials.clientId());
        if (client.isEmpty()) {
            return serviceClients.unknownClient(request, credentials);
        }
        if (TokenDelivery.heldByProxy(client.get())) {
            return OAuthResponses.error(OAuthError.Code.UNAUTHORIZED_CLIENT, TokenController.PROXY_ONLY);
        }
        if (credentials.secretForPublic(client.get())) {
            return OAuthResponses.invalidClient(ClientCredentials.NO_SECRET, credentials.basic());
        }
        ClientId id = new ClientId(client.get().getId());
        if (TokenDelivery.actsForItself(client.get())) {
            Optional<MutableHttpResponse<?>> refusal = serviceClients.refusal(request, credentials, id);
            if (refusal.isPresent()) {
                return refusal.get();
            }
        }
        String token = params.get("token");
        if (token == null) {
            return OAuthResponses.error(OAuthError.Code.INVALID_REQUEST, "The token parameter is required.");
        }
        revoke.revoke(token, id, addresses.of(request));
        return HttpResponse.ok();
    }
}
