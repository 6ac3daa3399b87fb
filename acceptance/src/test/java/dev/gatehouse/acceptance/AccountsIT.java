package dev.gatehouse.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /auth/register} and {@code GET /auth/me}. */
class AccountsIT extends AgainstTheSharedJar {

    AccountsIT(Gatehouse gatehouse) {
        super(gatehouse);
    }

    @Test
    void registration_answers_201_with_a_token_response_and_the_user() {
        String email = Gatehouse.anEmail();
        HttpResponse<String> response = http.postJson("/auth/register", Gatehouse.registration(email, "api"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode body = Http.json(response);
        assertThat(body.path("access_token").asText()).isNotBlank();
        assertThat(body.path("refresh_token").asText()).isNotBlank();
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("session_id").asText()).isNotBlank();
        JsonNode user = body.path("user");
        assertThat(user.path("id").asText()).isEqualTo(body.path("user_id").asText());
        assertThat(user.path("email").asText()).isEqualTo(email);
        assertThat(user.path("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(user.has("password") || user.has("passwordHash")).isFalse();
    }

    @Test
    void an_email_registered_in_another_spelling_is_a_conflict() {
        String email = Gatehouse.anEmail();
        gatehouse.register(email);
        HttpResponse<String> again = http.postJson("/auth/register", Gatehouse.registration("  " + email.toUpperCase() + " ", "api"));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Http.contentType(again)).startsWith("application/problem+json");
        assertThat(Http.json(again).path("status").asInt()).isEqualTo(409);
    }

    @Test
    void invalid_fields_are_a_400_problem_naming_each_field() {
        String body = Json.write(Map.of("email", "not-an-email", "password", "short", "name", " ", "clientId", "api"));
        HttpResponse<String> response = http.postJson("/auth/register", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.contentType(response)).startsWith("application/problem+json");
        JsonNode problem = Http.json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("errors")).extracting(error -> error.path("field").asText()).contains("email", "password", "name");
        assertThat(problem.path("errors")).allSatisfy(error -> assertThat(error.path("message").asText()).isNotBlank());
    }

    @Test
    void an_unknown_client_cannot_register() {
        HttpResponse<String> response = http.postJson("/auth/register", Gatehouse.registration(Gatehouse.anEmail(), "nobody"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response).path("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void me_answers_the_signed_in_account() {
        String email = Gatehouse.anEmail();
        JsonNode registered = gatehouse.register(email);
        HttpResponse<String> me = http.getWithBearer("/auth/me", registered.path("access_token").asText());

        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode account = Http.json(me);
        assertThat(account.path("id").asText()).isEqualTo(registered.path("user_id").asText());
        assertThat(account.path("email").asText()).isEqualTo(email);
        assertThat(account.path("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(account.path("createdAt").asText()).isNotBlank();
    }
}
