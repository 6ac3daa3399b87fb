package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Reuse of a spent refresh token revokes its whole family (RFC 9700 §4.14.2); forgeries, other spellings of a
 * real token included, touch nothing. Runs on a server with no reuse grace, so that the replay is reuse at
 * once, without waiting (and a variant taken for the real token would make the real one look replayed).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TheftDetectionTest {

    private EmbeddedServer server;
    private HttpFixture http;

    @BeforeAll
    void start() {
        server = GatehouseServer.start(Map.of("gatehouse.tokens.reuse-grace", "0s"));
        http = new HttpFixture(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void replaying_a_spent_token_revokes_the_family_and_records_the_reuse() throws Exception {
        Map<String, Object> registered = http.register(HttpFixture.anEmail());
        String spent = (String) registered.get("refresh_token");
        Map<String, Object> rotated = http.object(http.refresh(spent));
        String current = (String) rotated.get("refresh_token");

        var replay = http.refresh(spent);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(http.object(replay)).containsEntry("error", "invalid_grant");

        assertThat(http.refresh(current).statusCode()).as("the thief's successor dies with the family").isEqualTo(400);
        assertThat(http.get("/auth/me", (String) rotated.get("access_token")).statusCode()).isEqualTo(401);
        assertThat(reuseEventsOf((String) registered.get("session_id"))).isEqualTo(1);
    }

    /** A copied token is reuse whoever presents it: here the api client's spent token, sent as the web client's cookie. */
    @Test
    void a_spent_token_presented_for_another_client_revokes_the_family() throws Exception {
        Map<String, Object> registered = http.register(HttpFixture.anEmail());
        String spent = (String) registered.get("refresh_token");
        String current = (String) http.object(http.refresh(spent)).get("refresh_token");

        HttpResponse<String> replay = http.send(http.request("/auth/token").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "__Host-gh_refresh=" + spent).header("Origin", CookieClientTest.ORIGIN).header("X-Requested-With", "gatehouse")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=web")));

        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(http.object(replay)).containsEntry("error", "invalid_grant");
        assertThat(http.refresh(current).statusCode()).as("the family is revoked").isEqualTo(400);
        assertThat(reuseEventsOf((String) registered.get("session_id"))).isEqualTo(1);
    }

    @Test
    void a_forged_token_for_a_real_family_touches_nothing() {
        Map<String, Object> registered = http.register(HttpFixture.anEmail());
        String genuine = (String) registered.get("refresh_token");
        String forged = genuine.substring(0, genuine.lastIndexOf('.') + 1) + "A".repeat(43);
        assertThat(http.refresh(forged).statusCode()).isEqualTo(400);
        String bumped = genuine.replaceFirst("\\.0\\.", ".1.");
        assertThat(http.refresh(bumped).statusCode()).isEqualTo(400);
        assertThat(http.refresh(genuine).statusCode()).as("the family was not touched").isEqualTo(200);
    }

    @Test
    void other_spellings_of_a_refresh_token_are_forgeries_and_leave_its_session_alone() throws Exception {
        Map<String, Object> registered = http.register(HttpFixture.anEmail());
        String real = (String) registered.get("refresh_token");
        List<String> variants = sameBytesSpellings(real);
        assertThat(variants).as("the other three spellings of the last character (API.md: encodings are strict)").hasSize(3);

        for (String variant : Stream.concat(variants.stream(), Stream.of(real + "=", " " + real, real + "\n")).toList()) {
            HttpResponse<String> answer = http.refresh(variant);
            assertThat(answer.statusCode()).as(variant).isEqualTo(400);
            assertThat(http.object(answer)).containsEntry("error", "invalid_grant");
        }

        HttpResponse<String> rotation = http.refresh(real);
        assertThat(rotation.statusCode()).as("the real token still rotates: no variant counted as it").isEqualTo(200);
        assertThat(http.refresh((String) http.object(rotation).get("refresh_token")).statusCode()).isEqualTo(200);
        assertThat(http.get("/auth/me", (String) registered.get("access_token")).statusCode()).isEqualTo(200);
        assertThat(reuseEventsOf((String) registered.get("session_id"))).isZero();
    }

    /** The other spellings of the last character that the JDK's lenient decoder reads as the same bytes. */
    private static List<String> sameBytesSpellings(String token) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String stem = token.substring(0, token.length() - 1);
        byte[] proof = Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
        return alphabet.chars().mapToObj(c -> stem + (char) c).filter(spelling -> !spelling.equals(token))
                .filter(spelling -> Arrays.equals(Base64.getUrlDecoder().decode(spelling.substring(spelling.lastIndexOf('.') + 1)), proof))
                .toList();
    }

    private long reuseEventsOf(String sessionId) {
        return Sql.number(server, "SELECT count(*) FROM security_event WHERE type = 'refresh_token_reuse' AND session_id = ?",
                UUID.fromString(sessionId));
    }

}
