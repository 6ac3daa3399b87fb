package dev.gatehouse.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ending sessions: sign-out (by refresh token or bearer), RFC 7009 revocation, sign-out everywhere, and the
 * session list with deletion of one session.
 */
class SessionsIT extends AgainstTheSharedJar {

    SessionsIT(Gatehouse gatehouse) {
        super(gatehouse);
    }

    @Test
    void signing_out_with_the_refresh_token_ends_the_session() {
        JsonNode tokens = gatehouse.aSignedInUser();
        String refreshToken = tokens.path("refresh_token").asText();
        HttpResponse<String> signOut = http.postJson("/auth/sign-out", Json.write(Map.of("refreshToken", refreshToken)));

        assertThat(signOut.statusCode()).isEqualTo(204);
        assertThat(Http.json(gatehouse.refresh(refreshToken)).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(http.getWithBearer("/auth/me", tokens.path("access_token").asText()).statusCode()).isEqualTo(401);
    }

    @Test
    void signing_out_with_the_bearer_token_ends_that_session_only() {
        String email = Gatehouse.anEmail();
        JsonNode laptop = gatehouse.register(email);
        JsonNode phone = Http.json(gatehouse.signIn(email, Gatehouse.PASSWORD));
        HttpResponse<String> signOut = http.postEmpty("/auth/sign-out", "Authorization", "Bearer " + laptop.path("access_token").asText());

        assertThat(signOut.statusCode()).isEqualTo(204);
        assertThat(http.getWithBearer("/auth/me", laptop.path("access_token").asText()).statusCode()).isEqualTo(401);
        assertThat(gatehouse.refresh(laptop.path("refresh_token").asText()).statusCode()).isEqualTo(400);
        assertThat(http.getWithBearer("/auth/me", phone.path("access_token").asText()).statusCode()).isEqualTo(200);
    }

    /**
     * openapi-generator's clients accept only {@code application/problem+json} for a sign-out and for ending a session,
     * the one media type /openapi.yml names for their answers (the 204 has no body): both take effect.
     */
    @Test
    void signing_out_and_ending_a_session_accepting_only_problem_json_take_effect() {
        String email = Gatehouse.anEmail();
        JsonNode laptop = gatehouse.register(email);
        JsonNode phone = Http.json(gatehouse.signIn(email, Gatehouse.PASSWORD));
        JsonNode tablet = Http.json(gatehouse.signIn(email, Gatehouse.PASSWORD));
        HttpResponse<String> ended = http.send(http.request("/auth/sessions/" + phone.path("session_id").asText(),
                "Authorization", "Bearer " + laptop.path("access_token").asText(), "Accept", "application/problem+json").DELETE());
        HttpResponse<String> signOut = http.postJson("/auth/sign-out",
                Json.write(Map.of("refreshToken", laptop.path("refresh_token").asText())), "Accept", "application/problem+json");

        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(204);
        assertThat(signOut.statusCode()).as(signOut.body()).isEqualTo(204);
        for (JsonNode session : new JsonNode[] {laptop, phone}) {
            assertThat(Http.json(gatehouse.refresh(session.path("refresh_token").asText())).path("error").asText())
                    .isEqualTo("invalid_grant");
        }
        assertThat(gatehouse.refresh(tablet.path("refresh_token").asText()).statusCode()).as("the other session goes on").isEqualTo(200);
    }

    @Test
    void revocation_answers_200_and_ends_the_session_of_a_refresh_token() {
        JsonNode tokens = gatehouse.aSignedInUser();
        String refreshToken = tokens.path("refresh_token").asText();
        HttpResponse<String> revoked = http.postForm("/auth/revoke",
                Map.of("token", refreshToken, "token_type_hint", "refresh_token", "client_id", "api"));

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(Http.json(gatehouse.refresh(refreshToken)).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void revocation_answers_200_for_an_unknown_token_too() {
        HttpResponse<String> revoked = http.postForm("/auth/revoke",
                Map.of("token", "no-such-token", "token_type_hint", "refresh_token", "client_id", "api"));

        assertThat(revoked.statusCode()).isEqualTo(200);
    }

    @Test
    void signing_out_everywhere_ends_every_session_of_the_user() {
        String email = Gatehouse.anEmail();
        JsonNode laptop = gatehouse.register(email);
        JsonNode phone = Http.json(gatehouse.signIn(email, Gatehouse.PASSWORD));
        JsonNode stranger = gatehouse.aSignedInUser();
        HttpResponse<String> everywhere = http.postEmpty("/auth/sign-out-everywhere",
                "Authorization", "Bearer " + phone.path("access_token").asText());

        assertThat(everywhere.statusCode()).isEqualTo(204);
        for (JsonNode session : new JsonNode[] {laptop, phone}) {
            assertThat(http.getWithBearer("/auth/me", session.path("access_token").asText()).statusCode()).isEqualTo(401);
            assertThat(gatehouse.refresh(session.path("refresh_token").asText()).statusCode()).isEqualTo(400);
        }
        assertThat(http.getWithBearer("/auth/me", stranger.path("access_token").asText()).statusCode())
                .as("other users keep their sessions").isEqualTo(200);
    }

    @Test
    void the_session_list_marks_the_current_session() {
        String email = Gatehouse.anEmail();
        JsonNode first = gatehouse.register(email);
        JsonNode second = Http.json(gatehouse.signIn(email, Gatehouse.PASSWORD));
        HttpResponse<String> response = http.getWithBearer("/auth/sessions", second.path("access_token").asText());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode sessions = Http.json(response);
        assertThat(sessions).hasSize(2).allSatisfy(session -> {
            for (String field : new String[] {"id", "clientId", "createdAt", "lastUsedAt", "expiresAt", "userAgent", "current"}) {
                assertThat(session.has(field)).as("%s in %s", field, session).isTrue();
            }
            assertThat(session.path("clientId").asText()).isEqualTo("api");
        });
        assertThat(sessions).filteredOn(session -> session.path("current").asBoolean()).singleElement()
                .satisfies(current -> assertThat(current.path("id").asText()).isEqualTo(second.path("session_id").asText()));
        assertThat(sessions).extracting(session -> session.path("id").asText()).contains(first.path("session_id").asText());
    }

    @Test
    void deleting_a_session_ends_it_and_another_users_session_is_not_found() {
        String email = Gatehouse.anEmail();
        JsonNode other = gatehouse.register(email);
        String bearer = "Bearer " + Http.json(gatehouse.signIn(email, Gatehouse.PASSWORD)).path("access_token").asText();
        String sessionPath = "/auth/sessions/" + other.path("session_id").asText();

        assertThat(http.send(http.request(sessionPath, "Authorization", bearer).DELETE()).statusCode()).isEqualTo(204);
        assertThat(gatehouse.refresh(other.path("refresh_token").asText()).statusCode()).isEqualTo(400);

        JsonNode victim = gatehouse.aSignedInUser();
        HttpResponse<String> foreign = http.send(http.request("/auth/sessions/" + victim.path("session_id").asText(),
                "Authorization", bearer).DELETE());
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(Http.contentType(foreign)).startsWith("application/problem+json");
        assertThat(http.getWithBearer("/auth/me", victim.path("access_token").asText()).statusCode()).isEqualTo(200);
    }
}
