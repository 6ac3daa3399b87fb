package dev.gatehouse.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What anyone may read without a token: health, the key set (RFC 7517) and the metadata (RFC 8414). */
class DiscoveryIT extends AgainstTheSharedJar {

    DiscoveryIT(Gatehouse gatehouse) {
        super(gatehouse);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/health/readiness"})
    void health_is_up_while_the_database_answers(String path) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void the_key_set_publishes_public_keys_only() {
        HttpResponse<String> response = http.get("/.well-known/jwks.json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode keys = Http.json(response).path("keys");
        assertThat(keys.isArray()).isTrue();
        assertThat(keys).isNotEmpty().allSatisfy(key -> {
            assertThat(key.path("kid").asText()).isNotBlank();
            assertThat(key.path("kty").asText()).isIn("RSA", "EC", "OKP");
            assertThat(key.has("d") || key.has("p") || key.has("q") || key.has("dp") || key.has("dq") || key.has("qi"))
                    .as("private key members in %s", key).isFalse();
        });
    }

    @Test
    void the_metadata_names_the_issuer_and_its_endpoints() {
        HttpResponse<String> response = http.get("/.well-known/oauth-authorization-server");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.contentType(response)).startsWith("application/json");
        JsonNode metadata = Http.json(response);
        String issuer = gatehouse.issuer();
        assertThat(metadata.path("issuer").asText()).isEqualTo(issuer);
        assertThat(metadata.path("token_endpoint").asText()).isEqualTo(issuer + "/auth/token");
        assertThat(metadata.path("revocation_endpoint").asText()).isEqualTo(issuer + "/auth/revoke");
        assertThat(metadata.path("jwks_uri").asText()).isEqualTo(issuer + "/.well-known/jwks.json");
        assertThat(metadata.path("grant_types_supported")).extracting(JsonNode::asText).contains("password", "refresh_token");
    }

    @Test
    void the_jwks_uri_of_the_metadata_serves_the_key_set() {
        String jwksUri = Http.json(http.get("/.well-known/oauth-authorization-server")).path("jwks_uri").asText();
        HttpResponse<String> response = http.get(java.net.URI.create(jwksUri).getPath());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).path("keys")).isNotEmpty();
    }
}
