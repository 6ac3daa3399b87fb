package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The security events of password checks at {@code /auth/password} and of {@code /admin} calls carry the
 * request's client address (the fixture's, forwarded by the trusted proxy 127.0.0.1), as sign-in events do.
 */
class EventOriginsTest {

    private final HttpFixture http = new HttpFixture(ServiceClientsServer.shared());

    @Test
    void a_password_change_and_its_failed_check_name_the_callers_address() throws Exception {
        Map<String, Object> user = http.register(HttpFixture.anEmail());
        String id = (String) user.get("user_id");

        assertThat(change(user, "not my password").statusCode()).isEqualTo(400);
        assertThat(change(user, HttpFixture.PASSWORD).statusCode()).isEqualTo(204);

        assertThat(ServiceClientsServer.addressesOf("sign_in_failed", id)).containsExactly(http.clientAddress());
        assertThat(ServiceClientsServer.addressesOf("password_changed", id)).containsExactly(http.clientAddress());
    }

    @Test
    void an_admin_call_names_the_admins_address() throws Exception {
        String id = (String) http.register(HttpFixture.anEmail()).get("user_id");
        String admin = ServiceClientsServer.opsToken(http);

        assertThat(http.get("/admin/users/" + id, admin).statusCode()).isEqualTo(200);
        assertThat(http.send(http.request("/admin/users/" + id + "/disable").header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(204);

        assertThat(ServiceClientsServer.addressesOf("admin_user_viewed", id)).containsExactly(http.clientAddress());
        assertThat(ServiceClientsServer.addressesOf("account_disabled", id)).containsExactly(http.clientAddress());
    }

    private java.net.http.HttpResponse<String> change(Map<String, Object> user, String currentPassword) {
        return LifecycleServer.send(http, "POST", "/auth/password", (String) user.get("access_token"),
                http.toJson(Map.of("currentPassword", currentPassword, "newPassword", "a brand new passphrase")));
    }
}
