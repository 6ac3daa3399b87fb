package dev.gatehouse.bootstrap;

import dev.gatehouse.application.testing.MutableClock;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * The service with real SMTP (a {@link MailInbox} in this JVM) and a clock the tests move, started once
 * per test JVM for the account-lifecycle tests. Sessions live 1 day idle and 2 days at most, and a spent
 * refresh token is reuse at once (no grace), so that every way a session ends happens quickly.
 */
final class LifecycleServer {

    private static EmbeddedServer server;
    private static MailInbox inbox;

    private LifecycleServer() {
    }

    static synchronized EmbeddedServer shared() {
        if (server == null) {
            inbox = new MailInbox();
            server = GatehouseServer.start(Map.of(
                    "gatehouse.mail.smtp.host", "127.0.0.1",
                    "gatehouse.mail.smtp.port", inbox.port(),
                    "gatehouse.mail.from", "Gatehouse <no-reply@example.com>",
                    "gatehouse.test.mutable-clock", "true",
                    "gatehouse.tokens.reuse-grace", "0s",
                    "gatehouse.tokens.refresh-idle-ttl", "1d",
                    "gatehouse.tokens.refresh-absolute-ttl", "2d"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                inbox.close();
            }));
        }
        return server;
    }

    static MailInbox inbox() {
        shared();
        return inbox;
    }

    static MutableClock clock() {
        return shared().getApplicationContext().getBean(MutableClock.class);
    }

    /** A bearer request with a JSON body (or none). */
    static HttpResponse<String> send(HttpFixture http, String method, String path, String accessToken, String json) {
        var body = json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        return http.send(http.request(path).header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json").method(method, body));
    }

    static List<Map<String, Object>> endedSessions(HttpFixture http, String accessToken) {
        HttpResponse<String> response = http.get("/auth/sessions?state=ended", accessToken);
        if (response.statusCode() != 200) {
            throw new AssertionError("ended sessions: " + response.statusCode() + " " + response.body());
        }
        return http.list(response);
    }

    /** The {@code endReason} of the ended session {@code sessionId}, as listed for the bearer. */
    static Object endReasonOf(HttpFixture http, String accessToken, Object sessionId) {
        return endedSessions(http, accessToken).stream().filter(s -> sessionId.equals(s.get("id"))).findFirst()
                .map(s -> s.get("endReason")).orElseThrow(() -> new AssertionError("session " + sessionId + " not listed as ended"));
    }
}
