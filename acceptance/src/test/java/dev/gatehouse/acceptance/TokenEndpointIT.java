package dev.gatehouse.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /auth/token}: the password grant (form and JSON) and refresh-token rotation with reuse detection. */
class TokenEndpointIT extends AgainstTheSharedJar {

    TokenEndpointIT(Gatehouse gatehouse) {
        super(gatehouse);
    }

    @Test
    void the_form_encoded_password_grant_answers_the_token_response() {
        String email = Gatehouse.anEmail();
        JsonNode registered = gatehouse.register(email);
        HttpResponse<String> response = gatehouse.signIn(email, Gatehouse.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.contentType(response)).startsWith("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode tokens = Http.json(response);
        assertThat(tokens.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(tokens.path("expires_in").asInt()).isEqualTo(900);
        assertThat(tokens.path("refresh_expires_in").asInt()).isEqualTo(604800);
        assertThat(tokens.path("access_token").asText()).isNotBlank();
        assertThat(tokens.path("refresh_token").asText()).isNotBlank().matches("[A-Za-z0-9._~-]+");
        assertThat(tokens.path("user_id").asText()).isEqualTo(registered.path("user_id").asText());
        assertThat(tokens.path("session_id").asText()).isNotBlank().isNotEqualTo(registered.path("session_id").asText());
    }

    @Test
    void the_json_password_grant_takes_the_same_field_names() {
        String email = Gatehouse.anEmail();
        gatehouse.register(email);
        HttpResponse<String> response = http.postJson("/auth/token", Json.write(Map.of(
                "grant_type", "password", "username", email, "password", Gatehouse.PASSWORD, "client_id", "api")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(Http.json(response).path("refresh_token").asText()).isNotBlank();
    }

    @Test
    void the_access_token_carries_the_rfc_9068_claims_of_this_issuer() {
        JsonNode tokens = gatehouse.aSignedInUser();
        String accessToken = tokens.path("access_token").asText();
        JsonNode header = Json.jwtPart(accessToken, 0);
        JsonNode claims = Json.jwtPart(accessToken, 1);

        assertThat(header.path("alg").asText()).isIn("RS256", "ES256", "EdDSA");
        assertThat(header.path("kid").asText()).isNotBlank();
        assertThat(header.path("typ").asText()).isIn("JWT", "at+jwt");
        assertThat(claims.path("iss").asText()).isEqualTo(gatehouse.issuer());
        assertThat(claims.path("aud").toString()).contains(Gatehouse.AUDIENCE);
        assertThat(claims.path("client_id").asText()).isEqualTo("api");
        assertThat(claims.path("sub").asText()).isEqualTo(tokens.path("user_id").asText());
        assertThat(claims.path("sid").asText()).isEqualTo(tokens.path("session_id").asText());
        assertThat(claims.path("jti").asText()).isNotBlank();
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(900);
    }

    @Test
    void a_refresh_rotates_the_token_within_the_same_session() {
        JsonNode tokens = gatehouse.aSignedInUser();
        HttpResponse<String> response = gatehouse.refresh(tokens.path("refresh_token").asText());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode rotated = Http.json(response);
        assertThat(rotated.path("refresh_token").asText()).isNotBlank().isNotEqualTo(tokens.path("refresh_token").asText());
        assertThat(rotated.path("session_id").asText()).isEqualTo(tokens.path("session_id").asText());
        assertThat(http.getWithBearer("/auth/me", rotated.path("access_token").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void the_immediate_predecessor_within_the_grace_yields_the_same_successor() {
        JsonNode tokens = gatehouse.aSignedInUser();
        String first = tokens.path("refresh_token").asText();
        String successor = Http.json(gatehouse.refresh(first)).path("refresh_token").asText();

        HttpResponse<String> secondTab = gatehouse.refresh(first);
        assertThat(secondTab.statusCode()).isEqualTo(200);
        assertThat(Http.json(secondTab).path("refresh_token").asText()).isEqualTo(successor);
    }

    @Test
    void replaying_a_spent_token_revokes_the_whole_session() {
        JsonNode tokens = gatehouse.aSignedInUser();
        String first = tokens.path("refresh_token").asText();
        String second = Http.json(gatehouse.refresh(first)).path("refresh_token").asText();
        JsonNode third = Http.json(gatehouse.refresh(second));

        HttpResponse<String> replay = gatehouse.refresh(first);
        assertThat(replay.statusCode()).as("not the immediate predecessor: reuse").isEqualTo(400);
        assertThat(Http.json(replay).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(Http.json(gatehouse.refresh(third.path("refresh_token").asText())).path("error").asText())
                .as("the current token died with its family").isEqualTo("invalid_grant");
        assertThat(http.getWithBearer("/auth/me", third.path("access_token").asText()).statusCode())
                .as("access tokens of the revoked session").isEqualTo(401);
    }
}
