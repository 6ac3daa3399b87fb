package dev.gatehouse.bootstrap;

import static dev.gatehouse.bootstrap.ServiceClientsServer.OPS_SECRET;
import static dev.gatehouse.bootstrap.ServiceClientsServer.REPORTER_SECRET;
import static dev.gatehouse.bootstrap.ServiceClientsServer.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Client authentication at {@code POST /auth/revoke} (RFC 7009 §2.1): as at the token endpoint (RFC 6749 §2.3), a
 * service client presents its secret by HTTP Basic (§2.3.1, which the server MUST support) or as
 * {@code client_secret}; a public client names itself.
 */
class RevocationClientAuthenticationTest {

    private final HttpFixture http = new HttpFixture(ServiceClientsServer.shared());

    @Test
    void a_service_client_authenticated_by_basic_or_by_form_is_answered_200() {
        String ownToken = ServiceClientsServer.opsToken(http);
        HttpResponse<String> byBasic = revokeByBasic("ops", OPS_SECRET, Map.of("token", ownToken));
        HttpResponse<String> byForm = http.postForm("/auth/revoke", Map.of("token", "abc", "client_id", "reporter",
                "client_secret", REPORTER_SECRET));
        assertThat(byBasic.statusCode()).isEqualTo(200);
        assertThat(byForm.statusCode()).isEqualTo(200);
    }

    @Test
    void a_wrong_secret_by_basic_is_invalid_client_with_the_basic_challenge_and_is_recorded() throws Exception {
        int before = ServiceClientsServer.eventsOf("client_authentication_failed", "ops", null);
        HttpResponse<String> response = revokeByBasic("ops", OPS_SECRET + "!", Map.of("token", "abc"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(http.object(response)).containsEntry("error", "invalid_client");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic "));
        assertThat(ServiceClientsServer.eventsOf("client_authentication_failed", "ops", null)).isEqualTo(before + 1);
    }

    @Test
    void a_wrong_or_missing_secret_in_the_form_is_invalid_client_without_a_challenge() {
        for (Map<String, String> form : List.of(Map.of("token", "abc", "client_id", "ops", "client_secret", "WRONG"),
                Map.of("token", "abc", "client_id", "ops"), Map.of("token", "abc", "client_id", "ops", "client_secret", ""))) {
            HttpResponse<String> response = http.postForm("/auth/revoke", form);
            assertThat(response.statusCode()).as(form.toString()).isEqualTo(401);
            assertThat(http.object(response)).containsEntry("error", "invalid_client");
            assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        }
    }

    @Test
    void an_unknown_client_by_basic_gets_the_challenge_and_two_ways_at_once_are_an_invalid_request() {
        HttpResponse<String> unknown = revokeByBasic("nobody", OPS_SECRET, Map.of("token", "abc"));
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.headers().firstValue("WWW-Authenticate")).isPresent();

        HttpResponse<String> both = revokeByBasic("ops", OPS_SECRET, Map.of("token", "abc", "client_secret", OPS_SECRET));
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(http.object(both)).containsEntry("error", "invalid_request");
    }

    @Test
    void a_public_client_still_names_itself_by_client_id_alone() {
        assertThat(http.postForm("/auth/revoke", Map.of("token", "abc", "client_id", "api")).statusCode()).isEqualTo(200);
    }

    @Test
    void the_metadata_names_the_client_authentication_methods_of_the_revocation_endpoint() {
        Map<String, Object> metadata = http.object(http.send(http.request("/.well-known/oauth-authorization-server").GET()));
        assertThat((Iterable<Object>) metadata.get("revocation_endpoint_auth_methods_supported"))
                .containsExactlyInAnyOrder("none", "client_secret_basic", "client_secret_post");
    }

    private HttpResponse<String> revokeByBasic(String clientId, String secret, Map<String, String> fields) {
        return http.send(http.request("/auth/revoke").header("Authorization", basic(clientId, secret))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(HttpFixture.form(fields))));
    }
}
