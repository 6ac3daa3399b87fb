package dev.gatehouse.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The account lifecycle of API.md on the packaged jar, with its e-mail read from the suite's SMTP server
 * ({@link SmtpInbox}) as its recipient would: verification, password reset and change, deletion and
 * re-registration, the reasons ended sessions are listed with, and the notice of a replayed refresh token.
 */
class LifecycleIT extends AgainstTheSharedJar {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    private final SmtpInbox inbox;

    LifecycleIT(Gatehouse gatehouse) {
        super(gatehouse);
        this.inbox = gatehouse.inbox();
    }

    @Test
    void the_registration_mails_a_link_that_verifies_the_address_once() {
        String email = Gatehouse.anEmail();
        String accessToken = gatehouse.register(email).path("access_token").asText();
        assertThat(Http.json(http.getWithBearer("/auth/me", accessToken)).path("emailVerified").asBoolean()).isFalse();

        SmtpInbox.Received mail = inbox.awaitMessage(email, 1);
        assertThat(mail.from()).isEqualTo("Gatehouse <no-reply@example.com>");
        assertThat(mail.subject()).isEqualTo("Confirm your e-mail address");
        String token = mail.linkToken("verify-email");

        assertThat(confirmVerification(token).statusCode()).isEqualTo(204);
        assertThat(Http.json(http.getWithBearer("/auth/me", accessToken)).path("emailVerified").asBoolean()).isTrue();
        assertInvalidToken(confirmVerification(token));
    }

    @Test
    void asking_for_verification_links_is_limited_per_account() {
        JsonNode account = gatehouse.register(Gatehouse.anEmail());
        for (int i = 0; i < 3; i++) {
            assertThat(withBearer("POST", "/auth/email-verification", account, "{}").statusCode()).isEqualTo(202);
        }

        HttpResponse<String> refused = withBearer("POST", "/auth/email-verification", account, "{}");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Http.contentType(refused)).startsWith("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
    }

    @Test
    void a_reset_answers_alike_for_an_unknown_email_and_its_link_sets_the_password_and_ends_every_session() {
        String email = Gatehouse.anEmail();
        JsonNode first = gatehouse.register(email);
        JsonNode second = signedIn(email, Gatehouse.PASSWORD);
        String unknown = Gatehouse.anEmail();

        HttpResponse<String> forUnknown = http.postJson("/auth/password-reset", Json.write(Map.of("email", unknown)));
        HttpResponse<String> forAccount = http.postJson("/auth/password-reset", Json.write(Map.of("email", email)));

        assertThat(forAccount.statusCode()).isEqualTo(202);
        assertThat(forUnknown.statusCode()).isEqualTo(202);
        assertThat(forUnknown.body()).isEqualTo(forAccount.body());
        SmtpInbox.Received reset = inbox.awaitMessage(email, 2);
        assertThat(reset.subject()).isEqualTo("Reset your password");
        assertThat(inbox.to(unknown)).as("mail goes out in order: the unknown address's request came first").isEmpty();

        String token = reset.linkToken("reset-password");
        assertThat(confirmReset(token, NEW_PASSWORD).statusCode()).isEqualTo(204);

        for (JsonNode session : List.of(first, second)) {
            assertThat(Http.json(gatehouse.refresh(session.path("refresh_token").asText())).path("error").asText()).isEqualTo("invalid_grant");
            assertThat(http.getWithBearer("/auth/me", session.path("access_token").asText()).statusCode()).isEqualTo(401);
        }
        assertThat(Http.json(gatehouse.signIn(email, Gatehouse.PASSWORD)).path("error").asText()).isEqualTo("invalid_grant");
        JsonNode fresh = signedIn(email, NEW_PASSWORD);
        assertThat(endReasons(fresh)).containsEntry(first.path("session_id").asText(), "password_reset")
                .containsEntry(second.path("session_id").asText(), "password_reset");
        assertInvalidToken(confirmReset(token, "yet another passphrase"));
    }

    @Test
    void changing_the_password_keeps_the_callers_session_ends_the_others_and_tells_the_owner() {
        String email = Gatehouse.anEmail();
        JsonNode other = gatehouse.register(email);
        JsonNode caller = signedIn(email, Gatehouse.PASSWORD);

        HttpResponse<String> wrong = withBearer("POST", "/auth/password", caller,
                Json.write(Map.of("currentPassword", "not my password", "newPassword", NEW_PASSWORD)));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(Http.contentType(wrong)).startsWith("application/problem+json");

        HttpResponse<String> change = withBearer("POST", "/auth/password", caller,
                Json.write(Map.of("currentPassword", Gatehouse.PASSWORD, "newPassword", NEW_PASSWORD)));
        assertThat(change.statusCode()).isEqualTo(204);

        assertThat(http.getWithBearer("/auth/me", caller.path("access_token").asText()).statusCode()).isEqualTo(200);
        assertThat(gatehouse.refresh(caller.path("refresh_token").asText()).statusCode()).isEqualTo(200);
        assertThat(http.getWithBearer("/auth/me", other.path("access_token").asText()).statusCode()).isEqualTo(401);
        assertThat(gatehouse.refresh(other.path("refresh_token").asText()).statusCode()).isEqualTo(400);
        assertThat(endReasons(caller)).containsExactly(Map.entry(other.path("session_id").asText(), "password_changed"));
        assertThat(gatehouse.signIn(email, Gatehouse.PASSWORD).statusCode()).isEqualTo(400);
        assertThat(gatehouse.signIn(email, NEW_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(inbox.awaitMessage(email, 2).subject()).isEqualTo("Your password was changed");
    }

    @Test
    void a_deleted_account_is_gone_with_its_sessions_and_its_email_registers_again() {
        String email = Gatehouse.anEmail();
        JsonNode account = gatehouse.register(email);

        assertThat(withBearer("DELETE", "/auth/me", account, Json.write(Map.of("password", "not my password"))).statusCode()).isEqualTo(400);
        assertThat(withBearer("DELETE", "/auth/me", account, Json.write(Map.of("password", Gatehouse.PASSWORD))).statusCode()).isEqualTo(204);

        assertThat(http.getWithBearer("/auth/me", account.path("access_token").asText()).statusCode()).isEqualTo(401);
        assertThat(gatehouse.refresh(account.path("refresh_token").asText()).statusCode()).isEqualTo(400);
        assertThat(gatehouse.signIn(email, Gatehouse.PASSWORD).statusCode()).isEqualTo(400);
        JsonNode again = gatehouse.register(email);
        assertThat(again.path("user_id").asText()).isNotEqualTo(account.path("user_id").asText());
        assertThat(endReasons(again)).as("the old account's sessions went with it").isEmpty();
    }

    @Test
    void the_ended_sessions_say_why_each_ended() {
        String email = Gatehouse.anEmail();
        JsonNode signedOut = gatehouse.register(email);
        JsonNode revoked = signedIn(email, Gatehouse.PASSWORD);
        JsonNode replayed = signedIn(email, Gatehouse.PASSWORD);
        JsonNode caller = signedIn(email, Gatehouse.PASSWORD);

        assertThat(http.postJson("/auth/sign-out", Json.write(Map.of("refreshToken", signedOut.path("refresh_token").asText())))
                .statusCode()).isEqualTo(204);
        assertThat(http.postForm("/auth/revoke", Map.of("token", revoked.path("refresh_token").asText(), "client_id", "api"))
                .statusCode()).isEqualTo(200);
        replaySpentRefreshToken(replayed);

        assertThat(endReasons(caller)).containsOnly(
                Map.entry(signedOut.path("session_id").asText(), "signed_out"),
                Map.entry(revoked.path("session_id").asText(), "revoked"),
                Map.entry(replayed.path("session_id").asText(), "reuse_detected"));
        JsonNode listed = Http.json(http.getWithBearer("/auth/sessions?state=ended", caller.path("access_token").asText()));
        assertThat(listed).allSatisfy(session -> assertThat(session.path("clientId").asText()).isEqualTo("api"))
                .allSatisfy(session -> assertThat(session.path("endedAt").asText()).isNotBlank())
                .allSatisfy(session -> assertThat(session.path("createdAt").asText()).isNotBlank());
        List<String> endedAt = StreamSupport.stream(listed.spliterator(), false).map(s -> s.path("endedAt").asText()).toList();
        assertThat(endedAt).as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void a_replayed_refresh_token_ends_the_session_and_mails_the_owner_once_per_session() {
        String email = Gatehouse.anEmail();
        JsonNode session = gatehouse.register(email);
        String spent = replaySpentRefreshToken(session);
        assertThat(gatehouse.refresh(spent).statusCode()).as("replayed again").isEqualTo(400);

        SmtpInbox.Received notice = inbox.awaitMessage(email, 2);
        assertThat(notice.subject()).isEqualTo("Someone may have copied your session");
        assertThat(notice.text()).contains("someone may have copied your session; it was ended").contains("client api");
        assertThat(http.postJson("/auth/password-reset", Json.write(Map.of("email", email))).statusCode()).isEqualTo(202);
        assertThat(inbox.awaitMessage(email, 3).subject()).as("the next e-mail after the notice (mail goes out in order)")
                .isEqualTo("Reset your password");
    }

    /** Rotates the session's refresh token twice, then presents the first one again: reuse (beyond any grace). */
    private String replaySpentRefreshToken(JsonNode session) {
        String spent = session.path("refresh_token").asText();
        String next = Http.json(gatehouse.refresh(spent)).path("refresh_token").asText();
        assertThat(gatehouse.refresh(next).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = gatehouse.refresh(spent);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(Http.json(replay).path("error").asText()).isEqualTo("invalid_grant");
        return spent;
    }

    private JsonNode signedIn(String email, String password) {
        HttpResponse<String> response = gatehouse.signIn(email, password);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private HttpResponse<String> confirmVerification(String token) {
        return http.postJson("/auth/email-verification/confirm", Json.write(Map.of("token", token)));
    }

    private HttpResponse<String> confirmReset(String token, String newPassword) {
        return http.postJson("/auth/password-reset/confirm", Json.write(Map.of("token", token, "newPassword", newPassword)));
    }

    private HttpResponse<String> withBearer(String method, String path, JsonNode session, String json) {
        return http.send(http.request(path, "Authorization", "Bearer " + session.path("access_token").asText(),
                "Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The ended sessions the bearer of {@code session} sees, as session id → {@code endReason}. */
    private Map<String, String> endReasons(JsonNode session) {
        HttpResponse<String> response = http.getWithBearer("/auth/sessions?state=ended", session.path("access_token").asText());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, String> reasons = new java.util.LinkedHashMap<>();
        Http.json(response).forEach(ended -> reasons.put(ended.path("id").asText(), ended.path("endReason").asText()));
        return reasons;
    }

    private static void assertInvalidToken(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.contentType(response)).startsWith("application/problem+json");
        assertThat(Http.json(response).path("type").asText()).endsWith("invalid-token");
    }
}
