package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Password reset by e-mail link, over real HTTP and SMTP, and what it reveals (nothing). */
class PasswordResetFlowTest {

    private static final String NEW_PASSWORD = "a completely new passphrase";

    private final HttpFixture http = new HttpFixture(LifecycleServer.shared());
    private final MailInbox inbox = LifecycleServer.inbox();

    @Test
    void reset_ends_every_session_replaces_the_password_and_spends_the_link() {
        String email = HttpFixture.anEmail();
        Map<String, Object> first = http.register(email);
        Map<String, Object> second = http.object(http.signIn(email, HttpFixture.PASSWORD));

        assertThat(requestReset(email).statusCode()).isEqualTo(202);
        MailInbox.Mail mail = inbox.await(email, 2);
        assertThat(mail.subject()).isEqualTo("Reset your password");
        String token = mail.tokenOf("reset-password");

        HttpResponse<String> reset = confirm(token, NEW_PASSWORD);
        assertThat(reset.statusCode()).isEqualTo(204);

        for (Map<String, Object> session : new Map[] {first, second}) {
            HttpResponse<String> refresh = http.refresh((String) session.get("refresh_token"));
            assertThat(refresh.statusCode()).isEqualTo(400);
            assertThat(http.object(refresh)).containsEntry("error", "invalid_grant");
            assertThat(http.get("/auth/me", (String) session.get("access_token")).statusCode()).isEqualTo(401);
        }
        assertThat(http.signIn(email, HttpFixture.PASSWORD).statusCode()).as("the old password").isEqualTo(400);
        HttpResponse<String> signedIn = http.signIn(email, NEW_PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(confirm(token, "yet another passphrase").statusCode()).as("the link works once").isEqualTo(400);
        assertThat(inbox.await(email, 3).subject()).isEqualTo("Your password was changed");

        String accessToken = (String) http.object(signedIn).get("access_token");
        assertThat(LifecycleServer.endReasonOf(http, accessToken, first.get("session_id"))).isEqualTo("password_reset");
        assertThat(LifecycleServer.endReasonOf(http, accessToken, second.get("session_id"))).isEqualTo("password_reset");
    }

    @Test
    void an_unknown_address_gets_the_very_same_answer_and_no_mail_is_sent() {
        String known = HttpFixture.anEmail();
        http.register(known);
        String unknown = HttpFixture.anEmail();

        HttpResponse<String> forKnown = requestReset(known);
        HttpResponse<String> forUnknown = requestReset(unknown);

        assertThat(forUnknown.statusCode()).isEqualTo(forKnown.statusCode()).isEqualTo(202);
        assertThat(forUnknown.body()).isEqualTo(forKnown.body());
        assertThat(forUnknown.headers().map().keySet()).isEqualTo(forKnown.headers().map().keySet());
        inbox.await(known, 2);
        assertThat(inbox.count(unknown)).isZero();
    }

    @Test
    void a_link_dies_after_the_reset_ttl() {
        String email = HttpFixture.anEmail();
        http.register(email);
        requestReset(email);
        String token = inbox.await(email, 2).tokenOf("reset-password");
        LifecycleServer.clock().advance(Duration.ofMinutes(30));
        HttpResponse<String> late = confirm(token, NEW_PASSWORD);
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat((String) http.object(late).get("type")).endsWith("invalid-token");
        assertThat(http.signIn(email, HttpFixture.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void a_verification_token_does_not_reset_and_a_short_password_keeps_the_link_usable() {
        String email = HttpFixture.anEmail();
        http.register(email);
        String verification = inbox.await(email, 1).tokenOf("verify-email");
        assertThat(confirm(verification, NEW_PASSWORD).statusCode()).as("wrong purpose").isEqualTo(400);

        requestReset(email);
        String token = inbox.await(email, 2).tokenOf("reset-password");
        HttpResponse<String> tooShort = confirm(token, "short");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("\"field\":\"newPassword\"");
        assertThat(confirm(token, NEW_PASSWORD).statusCode()).isEqualTo(204);
    }

    @Test
    void requests_are_throttled_per_address_alike_for_known_and_unknown_ones() {
        String known = HttpFixture.anEmail();
        http.register(known);
        String unknown = HttpFixture.anEmail();
        HttpResponse<String> knownThrottled = null;
        HttpResponse<String> unknownThrottled = null;
        for (int i = 0; i < 6; i++) {
            knownThrottled = new HttpFixture(LifecycleServer.shared()).postJson("/auth/password-reset", body(known));
            unknownThrottled = new HttpFixture(LifecycleServer.shared()).postJson("/auth/password-reset", body(unknown));
        }
        assertThat(knownThrottled.statusCode()).isEqualTo(unknownThrottled.statusCode()).isEqualTo(429);
        assertThat(knownThrottled.body()).isEqualTo(unknownThrottled.body());
        assertThat(knownThrottled.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(1, 3600));
        assertThat(inbox.await(known, 6).subject()).as("verification + 5 resets").isEqualTo("Reset your password");
    }

    @Test
    void requests_are_throttled_per_client_address() {
        HttpResponse<String> last = null;
        for (int i = 0; i < 21; i++) {
            last = http.postJson("/auth/password-reset", body(HttpFixture.anEmail()));
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(new HttpFixture(LifecycleServer.shared()).postJson("/auth/password-reset", body(HttpFixture.anEmail())).statusCode())
                .as("another address").isEqualTo(202);
    }

    private HttpResponse<String> requestReset(String email) {
        return http.postJson("/auth/password-reset", body(email));
    }

    private String body(String email) {
        return http.toJson(Map.of("email", email));
    }

    private HttpResponse<String> confirm(String token, String newPassword) {
        return http.postJson("/auth/password-reset/confirm", http.toJson(Map.of("token", token, "newPassword", newPassword)));
    }
}
