package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.testing.MutableClock;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hosts' clocks differ by a little, and NTP can step one back: an instance whose clock is behind the one
 * that started a session still rotates it (it answered {@code 503 temporarily_unavailable} before, the
 * schema refusing a rotation dated before the sign-in), and its refreshes count in the throttles as usual.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClockStepBackTest {

    private EmbeddedServer server;

    @BeforeAll
    void start() {
        server = HandMovedClock.start(Map.of());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void a_session_refreshes_on_a_clock_behind_its_sign_in() {
        var http = new HttpFixture(server);
        String email = HttpFixture.anEmail();
        Map<String, Object> registered = http.register(email);
        MutableClock clock = HandMovedClock.of(server);
        clock.advance(Duration.ofMinutes(-2));

        HttpResponse<String> refreshed = http.refresh((String) registered.get("refresh_token"));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        HttpResponse<String> again = http.refresh((String) http.object(refreshed).get("refresh_token"));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(http.signIn(email, HttpFixture.PASSWORD).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
    }
}
