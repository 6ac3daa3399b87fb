package dev.gatehouse.bootstrap;

import static dev.gatehouse.bootstrap.ServiceClientsServer.REPORTER_SECRET;
import static dev.gatehouse.bootstrap.ServiceClientsServer.eventsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code /admin} over HTTP: only a service client with scope {@code admin} gets in, and every call is recorded. */
class AdminApiTest {

    private final HttpFixture http = new HttpFixture(ServiceClientsServer.shared());
    private final String admin = ServiceClientsServer.opsToken(http);

    @Test
    void without_a_valid_bearer_token_the_answer_is_401_with_the_bearer_challenge() {
        for (HttpResponse<String> response : List.of(http.send(http.request("/admin/users?email=a@example.com").GET()),
                http.get("/admin/users?email=a@example.com", "not.a.token"))) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void a_users_token_and_a_service_token_without_admin_get_403_insufficient_scope() {
        Map<String, Object> user = http.register(HttpFixture.anEmail());
        String reportsOnly = (String) http.object(ServiceClientsServer.tokenByBasic(http, "ops", ServiceClientsServer.OPS_SECRET,
                Map.of("grant_type", "client_credentials", "scope", "reports"))).get("access_token");
        String reporter = (String) http.object(http.postForm("/auth/token", Map.of("grant_type", "client_credentials",
                "client_id", "reporter", "client_secret", REPORTER_SECRET))).get("access_token");

        for (String token : List.of((String) user.get("access_token"), reportsOnly, reporter)) {
            HttpResponse<String> response = send("POST", "/admin/users/" + user.get("user_id") + "/disable", token);
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v ->
                    assertThat(v).startsWith("Bearer").contains("error=\"insufficient_scope\"").contains("scope=\"admin\""));
            assertThat(http.object(response)).containsEntry("type", "urn:gatehouse:problem:insufficient-scope").containsEntry("status", 403);
        }
        assertThat(http.get("/auth/me", (String) user.get("access_token")).statusCode()).as("nothing was disabled").isEqualTo(200);
    }

    @Test
    void an_account_is_found_by_its_email_after_the_usual_normalisation() throws Exception {
        String email = HttpFixture.anEmail();
        String id = (String) http.register(email).get("user_id");

        HttpResponse<String> found = http.get("/admin/users?email=" + java.net.URLEncoder.encode("  " + email.toUpperCase() + " ",
                java.nio.charset.StandardCharsets.UTF_8), admin);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(http.list(found)).singleElement().satisfies(user -> assertThat(user)
                .containsEntry("id", id).containsEntry("email", email).containsEntry("name", "Test User").containsEntry("disabled", false)
                .containsEntry("emailVerified", false).containsKey("createdAt").doesNotContainKey("passwordHash"));
        assertThat(http.list(http.get("/admin/users?email=nobody-" + UUID.randomUUID() + "@example.com", admin))).isEmpty();
        assertThat(http.get("/admin/users", admin).statusCode()).as("no email").isEqualTo(400);
        assertThat(http.get("/admin/users?email=" + email + "&email=" + email, admin).statusCode()).as("two emails").isEqualTo(400);
        assertThat(eventsOf("admin_users_searched", "ops", id)).isEqualTo(1);
    }

    @Test
    void a_user_is_shown_with_the_live_sessions_and_unknown_or_malformed_ids_are_404() throws Exception {
        Map<String, Object> registered = http.register(HttpFixture.anEmail());
        String id = (String) registered.get("user_id");

        HttpResponse<String> shown = http.get("/admin/users/" + id, admin);
        assertThat(shown.statusCode()).isEqualTo(200);
        Map<String, Object> user = http.object(shown);
        assertThat(user).containsEntry("id", id).containsEntry("disabled", false);
        assertThat((List<Map<String, Object>>) user.get("sessions")).singleElement().satisfies(session -> assertThat(session)
                .containsEntry("id", registered.get("session_id")).containsEntry("clientId", "api").containsEntry("current", false)
                .containsKeys("createdAt", "lastUsedAt", "expiresAt", "userAgent"));
        assertThat(eventsOf("admin_user_viewed", "ops", id)).isEqualTo(1);

        for (String unknown : List.of(UUID.randomUUID().toString(), "not-an-id", id.toUpperCase() + "0")) {
            HttpResponse<String> response = http.get("/admin/users/" + unknown, admin);
            assertThat(response.statusCode()).as(unknown).isEqualTo(404);
            assertThat(http.object(response)).containsEntry("type", "urn:gatehouse:problem:not-found");
            assertThat(send("POST", "/admin/users/" + unknown + "/disable", admin).statusCode()).isEqualTo(404);
            assertThat(send("DELETE", "/admin/users/" + unknown, admin).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void a_disabled_account_cannot_sign_in_or_refresh_and_its_access_tokens_die_at_once_until_enabled() throws Exception {
        String email = HttpFixture.anEmail();
        Map<String, Object> registered = http.register(email);
        String id = (String) registered.get("user_id");

        assertThat(send("POST", "/admin/users/" + id + "/disable", admin).statusCode()).isEqualTo(204);

        HttpResponse<String> signIn = http.signIn(email, HttpFixture.PASSWORD);
        assertThat(signIn.statusCode()).isEqualTo(400);
        assertThat(signIn.body()).as("the same answer as a wrong password").isEqualTo(http.signIn(email, "a wrong password").body());
        assertThat(http.refresh((String) registered.get("refresh_token")).statusCode()).isEqualTo(400);
        assertThat(http.get("/auth/me", (String) registered.get("access_token")).statusCode()).isEqualTo(401);
        Map<String, Object> shown = http.object(http.get("/admin/users/" + id, admin));
        assertThat(shown).containsEntry("disabled", true).containsEntry("sessions", List.of());
        assertThat(eventsOf("account_disabled", "ops", id)).isEqualTo(1);

        assertThat(send("POST", "/admin/users/" + id + "/enable", admin).statusCode()).isEqualTo(204);
        HttpResponse<String> again = http.signIn(email, HttpFixture.PASSWORD);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(endReasons((String) http.object(again).get("access_token"))).containsExactly("account_disabled");
        assertThat(eventsOf("account_enabled", "ops", id)).isEqualTo(1);
    }

    @Test
    void ending_the_sessions_ends_refresh_and_access_but_not_the_account() throws Exception {
        String email = HttpFixture.anEmail();
        Map<String, Object> registered = http.register(email);
        String id = (String) registered.get("user_id");

        assertThat(send("DELETE", "/admin/users/" + id + "/sessions", admin).statusCode()).isEqualTo(204);

        assertThat(http.refresh((String) registered.get("refresh_token")).statusCode()).isEqualTo(400);
        assertThat(http.get("/auth/me", (String) registered.get("access_token")).statusCode()).isEqualTo(401);
        HttpResponse<String> again = http.signIn(email, HttpFixture.PASSWORD);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(endReasons((String) http.object(again).get("access_token"))).containsExactly("admin");
        assertThat(eventsOf("admin_sessions_ended", "ops", id)).isEqualTo(1);
    }

    @Test
    void a_deleted_account_is_gone_its_email_registers_again_and_the_event_keeps_the_id() throws Exception {
        String email = HttpFixture.anEmail();
        Map<String, Object> registered = http.register(email);
        String id = (String) registered.get("user_id");
        assertThat(ServiceClientsServer.rowsOf("email_token", id)).as("the registration's verification link").isOne();

        assertThat(send("DELETE", "/admin/users/" + id, admin).statusCode()).isEqualTo(204);

        assertThat(ServiceClientsServer.rowsOf("email_token", id)).isZero();
        assertThat(ServiceClientsServer.rowsOf("refresh_family", id)).isZero();

        assertThat(http.get("/admin/users/" + id, admin).statusCode()).isEqualTo(404);
        assertThat(http.get("/auth/me", (String) registered.get("access_token")).statusCode()).isEqualTo(401);
        assertThat(http.signIn(email, HttpFixture.PASSWORD).statusCode()).isEqualTo(400);
        assertThat(http.register(email).get("user_id")).isNotEqualTo(id);
        assertThat(eventsOf("account_deleted", "ops", id)).isEqualTo(1);
    }

    /** The reasons the user's ended sessions ended for, as the owner sees them. */
    private List<Object> endReasons(String accessToken) {
        return http.list(http.get("/auth/sessions?state=ended", accessToken)).stream().map(session -> session.get("endReason")).toList();
    }

    private HttpResponse<String> send(String method, String path, String token) {
        return http.send(http.request(path).header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.noBody()));
    }
}
