package dev.gatehouse.adapter.in.web.oauth;

import dev.gatehouse.adapter.in.web.browser.ClientRegistry;
import dev.gatehouse.application.port.in.RevokeTokenUseCase;
import dev.gatehouse.domain.token.ClientId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;

/**
 * Token revocation, RFC 7009: {@code 200} for every well-formed request of a known client, also for
 * unknown, invalid or already revoked tokens (§2.2), so the endpoint tells nothing about tokens.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "OAuth")
@OAuthErrorResponses
final class RevocationController {

    static final String PATH = "/auth/revoke";

    private final RevokeTokenUseCase revoke;
    private final ClientRegistry clients;
    private final FormParameters parameters;

    RevocationController(RevokeTokenUseCase revoke, ClientRegistry clients, FormParameters parameters) {
        this.revoke = revoke;
        this.clients = clients;
        this.parameters = parameters;
    }

    @Post(uri = PATH, consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON},
            produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Revoke a refresh or access token, ending its session (RFC 7009)",
            requestBody = @RequestBody(required = true, content = {
                @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = RevocationRequest.class)),
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RevocationRequest.class))}))
    @ApiResponse(responseCode = "200", description = "Always, also for unknown, invalid or already revoked tokens (RFC 7009 §2.2)")
    HttpResponse<?> revoke(HttpRequest<?> request, @Body @Nullable byte[] body) {
        Map<String, String> params;
        try {
            params = parameters.read(request.getContentType().orElse(null), body);
        } catch (FormParameters.MalformedParameters malformed) {
            return OAuthResponses.error(OAuthError.Code.INVALID_REQUEST, malformed.getMessage());
        }
        var client = clients.find(params.get("client_id"));
        if (client.isEmpty()) {
            return OAuthResponses.error(OAuthError.Code.INVALID_CLIENT, "The client_id is missing or unknown.");
        }
        if (TokenDelivery.heldByProxy(client.get())) {
            return OAuthResponses.error(OAuthError.Code.UNAUTHORIZED_CLIENT, TokenController.PROXY_ONLY);
        }
        String token = params.get("token");
        if (token == null) {
            return OAuthResponses.error(OAuthError.Code.INVALID_REQUEST, "The token parameter is required.");
        }
        revoke.revoke(token, new ClientId(client.get().getId()));
        return HttpResponse.ok();
    }
}
