package dev.gatehouse.adapter.in.web.oauth;

import dev.gatehouse.application.port.in.PublicKeysQuery;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What any backend needs to verify access tokens offline: the JWK Set (RFC 7517) and the authorization
 * server metadata (RFC 8414). Both are cacheable for a few minutes, so that a key announced before it
 * signs is picked up in time (see docs/operations.md, key rotation).
 */
@Controller("/.well-known")
@Tag(name = "Discovery")
final class DiscoveryController {

    private static final String CACHE = "public, max-age=300";

    private final PublicKeysQuery keys;
    private final Map<String, Object> metadata;

    DiscoveryController(PublicKeysQuery keys, @Value("${gatehouse.issuer:`http://localhost:8080`}") String issuer) {
        this.keys = keys;
        this.metadata = metadata(issuer);
    }

    @Get(uri = "/jwks.json", produces = {"application/jwk-set+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "The public keys that verify access tokens (RFC 7517 JWK Set); cacheable for 5 minutes")
    @ApiResponse(responseCode = "200", description = "`{\"keys\": [...]}`, public parts only",
            content = @Content(mediaType = "application/jwk-set+json", schema = @Schema(type = "object")))
    HttpResponse<Map<String, Object>> jwks() {
        return HttpResponse.ok(keys.publicKeySet()).header("Cache-Control", CACHE);
    }

    @Get(uri = "/oauth-authorization-server", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Authorization server metadata (RFC 8414): issuer, endpoints, grant types")
    @ApiResponse(responseCode = "200", description = "The metadata document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")))
    HttpResponse<Map<String, Object>> metadata() {
        return HttpResponse.ok(metadata).header("Cache-Control", CACHE);
    }

    private static Map<String, Object> metadata(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("token_endpoint", base + TokenController.PATH);
        document.put("revocation_endpoint", base + RevocationController.PATH);
        document.put("jwks_uri", base + "/.well-known/jwks.json");
        document.put("grant_types_supported", TokenController.GRANT_TYPES);
        document.put("response_types_supported", List.of());
        List<String> clientAuthentication = List.of("none", "client_secret_basic", "client_secret_post");
        document.put("token_endpoint_auth_methods_supported", clientAuthentication);
        document.put("revocation_endpoint_auth_methods_supported", clientAuthentication);
        return Collections.unmodifiableMap(document);
    }
}
