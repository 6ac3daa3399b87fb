package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every way a session ends is listed by {@code GET /auth/sessions?state=ended} with its reason, and a
 * replayed refresh token tells the owner by mail, once. The server's sessions live 1 day idle, 2 at most.
 */
class EndedSessionsFlowTest {

    private final HttpFixture http = new HttpFixture(LifecycleServer.shared());
    private final MailInbox inbox = LifecycleServer.inbox();

    @Test
    void sessions_ended_by_the_user_are_listed_newest_first_with_their_reason() {
        String email = HttpFixture.anEmail();
        Map<String, Object> signedOut = http.register(email);
        Map<String, Object> deleted = signIn(email);
        Map<String, Object> revoked = signIn(email);
        Map<String, Object> current = signIn(email);
        String token = (String) current.get("access_token");

        http.postJson("/auth/sign-out", "{\"refreshToken\":\"" + signedOut.get("refresh_token") + "\"}");
        LifecycleServer.clock().advance(Duration.ofSeconds(1));
        http.send(http.request("/auth/sessions/" + deleted.get("session_id")).header("Authorization", "Bearer " + token).DELETE());
        LifecycleServer.clock().advance(Duration.ofSeconds(1));
        http.postForm("/auth/revoke", Map.of("token", (String) revoked.get("refresh_token"), "client_id", "api"));

        List<Map<String, Object>> ended = LifecycleServer.endedSessions(http, token);
        assertThat(ended).extracting(s -> s.get("id"), s -> s.get("endReason")).containsExactly(
                tuple(revoked.get("session_id"), "revoked"),
                tuple(deleted.get("session_id"), "revoked"),
                tuple(signedOut.get("session_id"), "signed_out"));
        assertThat(ended.get(0).keySet()).containsExactlyInAnyOrder("id", "clientId", "createdAt", "endedAt", "endReason");
        assertThat(ended.get(0)).containsEntry("clientId", "api");

        assertThat(http.get("/auth/sessions?state=bogus", token).statusCode()).isEqualTo(400);
        assertThat(http.list(http.get("/auth/sessions?state=live", token))).extracting(s -> s.get("id")).containsExactly(current.get("session_id"));

        everywhere(token);
        String later = (String) signIn(email).get("access_token");
        assertThat(LifecycleServer.endReasonOf(http, later, current.get("session_id"))).isEqualTo("signed_out_everywhere");
    }

    @Test
    void a_replayed_token_ends_the_session_as_stolen_and_the_owner_is_told_once() {
        String email = HttpFixture.anEmail();
        Map<String, Object> session = http.register(email);
        String spent = (String) session.get("refresh_token");
        http.refresh(spent);
        assertThat(http.refresh(spent).statusCode()).isEqualTo(400);
        assertThat(http.refresh(spent).statusCode()).isEqualTo(400);

        MailInbox.Mail notice = inbox.await(email, 2);
        assertThat(notice.subject()).isEqualTo("Someone may have copied your session");
        assertThat(notice.text()).contains("someone may have copied your session; it was ended");
        String token = (String) signIn(email).get("access_token");
        assertThat(LifecycleServer.endReasonOf(http, token, session.get("session_id"))).isEqualTo("reuse_detected");
        assertThat(inbox.count(email)).as("verification and one notice").isEqualTo(2);
    }

    @Test
    void sessions_that_expire_are_listed_as_expired_idle_or_absolute_at_the_moment_they_ended() {
        String email = HttpFixture.anEmail();
        Map<String, Object> idle = http.register(email);
        Map<String, Object> busy = signIn(email);
        Instant start = LifecycleServer.clock().instant();

        LifecycleServer.clock().advance(Duration.ofHours(20));
        String refreshed = (String) http.object(http.refresh((String) busy.get("refresh_token"))).get("refresh_token");
        LifecycleServer.clock().advance(Duration.ofHours(20));
        assertThat(http.refresh(refreshed).statusCode()).as("still live at 40 h").isEqualTo(200);
        LifecycleServer.clock().advance(Duration.ofHours(8));

        String token = (String) signIn(email).get("access_token");
        List<Map<String, Object>> ended = LifecycleServer.endedSessions(http, token);
        assertThat(ended).extracting(s -> s.get("id"), s -> s.get("endReason"), s -> Instant.parse((String) s.get("endedAt")))
                .containsExactly(
                        tuple(busy.get("session_id"), "expired_absolute", start.plus(Duration.ofDays(2))),
                        tuple(idle.get("session_id"), "expired_idle", start.plus(Duration.ofDays(1))));
    }

    private Map<String, Object> signIn(String email) {
        return http.object(http.signIn(email, HttpFixture.PASSWORD));
    }

    private void everywhere(String token) {
        http.send(http.request("/auth/sign-out-everywhere").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }
}
