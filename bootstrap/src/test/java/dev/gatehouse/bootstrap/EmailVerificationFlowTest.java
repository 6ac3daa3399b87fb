package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Registration sends a verification link over SMTP; following it verifies the address, once. */
class EmailVerificationFlowTest {

    private final HttpFixture http = new HttpFixture(LifecycleServer.shared());
    private final MailInbox inbox = LifecycleServer.inbox();

    @Test
    void register_receive_the_link_confirm_and_me_shows_the_address_verified() {
        String email = HttpFixture.anEmail();
        Map<String, Object> registered = http.register(email);
        String accessToken = (String) registered.get("access_token");
        assertThat(http.object(http.get("/auth/me", accessToken))).containsEntry("emailVerified", false);

        MailInbox.Mail mail = inbox.await(email, 1);
        assertThat(mail.subject()).isEqualTo("Confirm your e-mail address");
        String token = mail.tokenOf("verify-email");

        HttpResponse<String> confirmed = http.postJson("/auth/email-verification/confirm", "{\"token\":\"" + token + "\"}");
        assertThat(confirmed.statusCode()).isEqualTo(204);
        assertThat(http.object(http.get("/auth/me", accessToken))).containsEntry("emailVerified", true);

        HttpResponse<String> again = http.postJson("/auth/email-verification/confirm", "{\"token\":\"" + token + "\"}");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat((String) http.object(again).get("type")).endsWith("invalid-token");
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void asking_again_sends_a_new_link_and_the_old_one_stops_working_and_a_link_dies_after_a_day() {
        String email = HttpFixture.anEmail();
        String accessToken = (String) http.register(email).get("access_token");
        String first = inbox.await(email, 1).tokenOf("verify-email");

        HttpResponse<String> requested = LifecycleServer.send(http, "POST", "/auth/email-verification", accessToken, null);
        assertThat(requested.statusCode()).isEqualTo(202);
        String second = inbox.await(email, 2).tokenOf("verify-email");
        assertThat(second).isNotEqualTo(first);
        assertThat(confirm(first).statusCode()).isEqualTo(400);

        LifecycleServer.clock().advance(Duration.ofHours(24));
        assertThat(confirm(second).statusCode()).as("expired").isEqualTo(400);
    }

    @Test
    void an_account_may_ask_for_three_links_an_hour_then_it_gets_429_with_retry_after() {
        String accessToken = (String) http.register(HttpFixture.anEmail()).get("access_token");
        for (int i = 0; i < 3; i++) {
            assertThat(LifecycleServer.send(http, "POST", "/auth/email-verification", accessToken, null).statusCode()).isEqualTo(202);
        }

        HttpResponse<String> refused = LifecycleServer.send(http, "POST", "/auth/email-verification", accessToken, null);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
        String another = (String) http.register(HttpFixture.anEmail()).get("access_token");
        assertThat(LifecycleServer.send(http, "POST", "/auth/email-verification", another, null).statusCode())
                .as("the limit is per account").isEqualTo(202);
    }

    @Test
    void of_two_racing_confirmations_exactly_one_succeeds() {
        String email = HttpFixture.anEmail();
        http.register(email);
        String token = inbox.await(email, 1).tokenOf("verify-email");
        List<CompletableFuture<HttpResponse<String>>> racing = List.of(confirmAsync(token), confirmAsync(token), confirmAsync(token));
        assertThat(racing.stream().map(CompletableFuture::join).map(HttpResponse::statusCode))
                .containsExactlyInAnyOrder(204, 400, 400);
    }

    @Test
    void the_name_a_registrant_chose_is_in_no_mail_so_nobody_can_send_their_text_from_this_service() {
        String email = HttpFixture.anEmail();
        String lure = "Call +1 555 0100 at http://evil.example \u202Egro.elpmaxe";
        HttpResponse<String> registered = http.postJson("/auth/register", http.toJson(Map.of("email", email,
                "password", HttpFixture.PASSWORD, "name", lure, "clientId", "api")));
        assertThat(registered.statusCode()).isEqualTo(201);
        assertThat(http.postJson("/auth/password-reset", http.toJson(Map.of("email", email))).statusCode()).isEqualTo(202);

        for (MailInbox.Mail mail : List.of(inbox.await(email, 1), inbox.await(email, 2))) {
            assertThat(mail.text()).startsWith("Hello,").doesNotContain("555 0100", "evil.example", "\u202E");
            assertThat(mail.html()).contains("Hello,").doesNotContain("555 0100", "evil.example", "\u202E");
        }
    }

    @Test
    void bodies_are_strict_and_bad_ones_are_4xx() {
        String email = HttpFixture.anEmail();
        http.register(email);
        String token = inbox.await(email, 1).tokenOf("verify-email");
        HttpResponse<String> withExtra = http.postJson("/auth/email-verification/confirm", "{\"token\":\"" + token + "\",\"extra\":1}");
        assertThat(withExtra.statusCode()).as("an unknown member").isEqualTo(400);
        assertThat((String) http.object(withExtra).get("type")).endsWith("malformed-request");
        assertThat(confirm(token).statusCode()).as("and the token was not spent").isEqualTo(204);
        assertThat(http.postJson("/auth/email-verification/confirm", "not json").statusCode()).isEqualTo(400);
        assertThat(http.postJson("/auth/email-verification/confirm", "{}").statusCode()).isEqualTo(400);
        assertThat(http.postJson("/auth/email-verification/confirm", "{\"token\":5}").statusCode()).isEqualTo(400);
        assertThat(http.postJson("/auth/email-verification/confirm", "[\"token\"]").statusCode()).isEqualTo(400);
        assertThat(http.postJson("/auth/email-verification/confirm", "").statusCode()).isEqualTo(400);
        assertThat(http.send(http.request("/auth/email-verification").POST(HttpRequest.BodyPublishers.noBody())).statusCode())
                .as("no bearer").isEqualTo(401);
    }

    private HttpResponse<String> confirm(String token) {
        return http.postJson("/auth/email-verification/confirm", "{\"token\":\"" + token + "\"}");
    }

    private CompletableFuture<HttpResponse<String>> confirmAsync(String token) {
        return http.client().sendAsync(http.request("/auth/email-verification/confirm").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
