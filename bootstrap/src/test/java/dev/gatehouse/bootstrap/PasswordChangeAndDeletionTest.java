package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Changing the password (other sessions end, this one stays) and deleting the account, over real HTTP. */
class PasswordChangeAndDeletionTest {

    private static final String NEW_PASSWORD = "a completely new passphrase";

    private final HttpFixture http = new HttpFixture(LifecycleServer.shared());
    private final MailInbox inbox = LifecycleServer.inbox();

    @Test
    void a_change_keeps_the_callers_session_ends_the_others_and_tells_the_owner() {
        String email = HttpFixture.anEmail();
        Map<String, Object> laptop = http.register(email);
        Map<String, Object> phone = http.object(http.signIn(email, HttpFixture.PASSWORD));
        String token = (String) laptop.get("access_token");

        HttpResponse<String> changed = change(token, HttpFixture.PASSWORD, NEW_PASSWORD);
        assertThat(changed.statusCode()).isEqualTo(204);

        assertThat(http.get("/auth/me", token).statusCode()).isEqualTo(200);
        assertThat(http.refresh((String) laptop.get("refresh_token")).statusCode()).isEqualTo(200);
        assertThat(http.get("/auth/me", (String) phone.get("access_token")).statusCode()).isEqualTo(401);
        assertThat(http.refresh((String) phone.get("refresh_token")).statusCode()).isEqualTo(400);
        assertThat(http.signIn(email, HttpFixture.PASSWORD).statusCode()).isEqualTo(400);
        assertThat(http.signIn(email, NEW_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(LifecycleServer.endReasonOf(http, token, phone.get("session_id"))).isEqualTo("password_changed");
        assertThat(inbox.await(email, 2).subject()).isEqualTo("Your password was changed");
    }

    @Test
    void a_wrong_current_password_is_a_400_and_counts_like_a_failed_sign_in() {
        String email = HttpFixture.anEmail();
        String token = (String) http.register(email).get("access_token");

        HttpResponse<String> wrong = change(token, "not my password", NEW_PASSWORD);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat((String) http.object(wrong).get("type")).endsWith("wrong-password");
        for (int i = 0; i < 9; i++) {
            change(token, "still not my password", NEW_PASSWORD);
        }
        HttpResponse<String> locked = change(token, HttpFixture.PASSWORD, NEW_PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(http.signIn(email, HttpFixture.PASSWORD).statusCode()).as("the same lock as sign-in").isEqualTo(429);
    }

    @Test
    void a_new_password_follows_the_registration_rules_and_a_missing_current_one_is_a_validation_error() {
        String token = (String) http.register(HttpFixture.anEmail()).get("access_token");
        HttpResponse<String> tooShort = change(token, HttpFixture.PASSWORD, "short");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("\"field\":\"newPassword\"");
        HttpResponse<String> missing = LifecycleServer.send(http, "POST", "/auth/password", token, "{\"newPassword\":\"" + NEW_PASSWORD + "\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\":\"currentPassword\"");
    }

    @Test
    void deletion_needs_the_password_and_removes_everything_so_the_address_can_register_again() {
        String email = HttpFixture.anEmail();
        Map<String, Object> registered = http.register(email);
        String token = (String) registered.get("access_token");

        HttpResponse<String> wrong = LifecycleServer.send(http, "DELETE", "/auth/me", token, "{\"password\":\"not my password\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(http.get("/auth/me", token).statusCode()).isEqualTo(200);

        HttpResponse<String> deleted = LifecycleServer.send(http, "DELETE", "/auth/me", token,
                http.toJson(Map.of("password", HttpFixture.PASSWORD)));
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(http.get("/auth/me", token).statusCode()).isEqualTo(401);
        assertThat(http.refresh((String) registered.get("refresh_token")).statusCode()).isEqualTo(400);
        assertThat(http.signIn(email, HttpFixture.PASSWORD).statusCode()).isEqualTo(400);
        Map<String, Object> again = http.register(email);
        assertThat(again.get("user_id")).isNotEqualTo(registered.get("user_id"));
        assertThat(((Map<?, ?>) again.get("user")).get("emailVerified")).isEqualTo(false);
    }

    private HttpResponse<String> change(String accessToken, String current, String next) {
        return LifecycleServer.send(http, "POST", "/auth/password", accessToken,
                http.toJson(Map.of("currentPassword", current, "newPassword", next)));
    }
}
