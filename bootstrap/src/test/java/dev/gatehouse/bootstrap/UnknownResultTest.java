package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A use-case result that no branch of a controller knows is a bug and answered 500, never with the answer
 * of some other result (invalid_grant, 409, 404, 401) that the last branch used to give by default.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnknownResultTest {

    private EmbeddedServer server;
    private HttpFixture http;

    @BeforeAll
    void start() {
        server = GatehouseServer.start(Map.of(UnknownResults.SWITCH, "true"));
        http = new HttpFixture(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void at_the_token_endpoint_it_is_a_server_error_for_both_grants() {
        assertServerError(http.signIn(HttpFixture.anEmail(), HttpFixture.PASSWORD), "server_error");
        assertServerError(http.refresh("any.refresh.token"), "server_error");
    }

    @Test
    void at_registration_and_sign_out_it_is_an_internal_problem() {
        assertServerError(http.postJson("/auth/register", http.toJson(Map.of("email", HttpFixture.anEmail(),
                "password", HttpFixture.PASSWORD, "name", "X", "clientId", "api"))), null);
        assertServerError(http.postJson("/auth/sign-out", "{\"refreshToken\":\"any.refresh.token\"}"), null);
    }

    @Test
    void for_bearer_authentication_and_ending_a_session_it_is_an_internal_problem() {
        assertServerError(http.get("/auth/me", "unknown-caller"), null);
        assertServerError(http.send(http.request("/auth/sessions/" + UUID.randomUUID())
                .header("Authorization", "Bearer " + UnknownResults.KNOWN).DELETE()), null);
    }

    @Test
    void at_the_account_lifecycle_endpoints_it_is_an_internal_problem() {
        assertServerError(http.postJson("/auth/email-verification/confirm", "{\"token\":\"t\"}"), null);
        assertServerError(LifecycleServer.send(http, "POST", "/auth/email-verification", UnknownResults.KNOWN, null), null);
        assertServerError(http.postJson("/auth/password-reset", http.toJson(Map.of("email", HttpFixture.anEmail()))), null);
        assertServerError(http.postJson("/auth/password-reset/confirm", "{\"token\":\"t\",\"newPassword\":\"p\"}"), null);
        assertServerError(LifecycleServer.send(http, "POST", "/auth/password", UnknownResults.KNOWN,
                "{\"currentPassword\":\"a\",\"newPassword\":\"b\"}"), null);
        assertServerError(LifecycleServer.send(http, "DELETE", "/auth/me", UnknownResults.KNOWN, "{\"password\":\"a\"}"), null);
    }

    private void assertServerError(HttpResponse<String> response, String oauthError) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
        Map<String, Object> document = http.object(response);
        assertThat(document).containsEntry("status", 500);
        if (oauthError != null) {
            assertThat(document).containsEntry("error", oauthError);
        } else {
            assertThat(document).containsEntry("type", "urn:gatehouse:problem:internal");
        }
        assertThat(response.body()).doesNotContain("unknown result", "Exception", "dev.gatehouse");
    }
}
