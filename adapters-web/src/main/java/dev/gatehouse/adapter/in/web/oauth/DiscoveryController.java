package dev.gatehouse.adapter.in.web.oauth;

import dev.gatehouse.application.port.in.PublicKeysQuery;
import io.micronaut.core.annotation.Nullable;
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

    /** The JWK Set document, as /openapi.yml describes it (the answer is the key set as {@link PublicKeysQuery} gives it). */
    @Schema(name = "JwkSet", description = "RFC 7517 §5 JWK Set: the public keys, newest signing key first")
    record JwkSetDocument(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<PublicJwk> keys) {
    }

    /** One public key (RFC 7517 §4, RFC 7518 §6, RFC 8037 §2); the members of its key type only. */
    @Schema(name = "PublicJwk", description = "A public key: `RSA` (`n`, `e`), `EC` (`crv` P-256, `x`, `y`) or `OKP` (`crv` Ed25519, `x`)")
    record PublicJwk(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"RSA", "EC", "OKP"}) String kty,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String kid,
            @Schema(allowableValues = "sig") String use,
            @Schema(allowableValues = {"RS256", "ES256", "EdDSA"}) String alg,
            @Nullable String n, @Nullable String e, @Nullable String crv, @Nullable String x, @Nullable String y) {
    }

    /** The metadata document (RFC 8414 §2), as /openapi.yml describes it. */
    @Schema(name = "AuthorizationServerMetadata", description = "RFC 8414 §2 authorization server metadata")
    record MetadataDocument(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String issuer,
            @Schema(name = "token_endpoint", requiredMode = Schema.RequiredMode.REQUIRED) String tokenEndpoint,
            @Schema(name = "revocation_endpoint", requiredMode = Schema.RequiredMode.REQUIRED) String revocationEndpoint,
            @Schema(name = "jwks_uri", requiredMode = Schema.RequiredMode.REQUIRED) String jwksUri,
            @Schema(name = "grant_types_supported", requiredMode = Schema.RequiredMode.REQUIRED) List<String> grantTypesSupported,
            @Schema(name = "response_types_supported", requiredMode = Schema.RequiredMode.REQUIRED) List<String> responseTypesSupported,
            @Schema(name = "token_endpoint_auth_methods_supported", requiredMode = Schema.RequiredMode.REQUIRED)
            List<String> tokenEndpointAuthMethodsSupported,
            @Schema(name = "revocation_endpoint_auth_methods_supported", requiredMode = Schema.RequiredMode.REQUIRED)
            List<String> revocationEndpointAuthMethodsSupported) {
    }

    private final PublicKeysQuery keys;
    private final Map<String, Object> metadata;

    DiscoveryController(PublicKeysQuery keys, @Value("${gatehouse.issuer:`http://localhost:8080`}") String issuer) {
        this.keys = keys;
        this.metadata = metadata(issuer);
    }

    @Get(uri = "/jwks.json", produces = {"application/jwk-set+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "The public keys that verify access tokens (RFC 7517 JWK Set); cacheable for 5 minutes")
    @ApiResponse(responseCode = "200", description = "`{\"keys\": [...]}`, public parts only",
            content = @Content(mediaType = "application/jwk-set+json", schema = @Schema(implementation = JwkSetDocument.class)))
    HttpResponse<Map<String, Object>> jwks() {
        return HttpResponse.ok(keys.publicKeySet()).header("Cache-Control", CACHE);
    }

    @Get(uri = "/oauth-authorization-server", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Authorization server metadata (RFC 8414): issuer, endpoints, grant types")
    @ApiResponse(responseCode = "200", description = "The metadata document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MetadataDocument.class)))
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
