package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.testing.MutableClock;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Concurrency is an attack: 40 wrong passwords for one account sent at once, each from another address,
 * get no more than the limit of answers on the password before the lock, and each expiry of the lock
 * lets one guess through before the account locks again. The server's clock is moved by hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInRaceTest {

    private static final int BURST = 40;

    private EmbeddedServer server;
    private MutableClock clock;
    private HttpFixture http;

    @BeforeAll
    void start() {
        server = HandMovedClock.start(Map.of());
        clock = HandMovedClock.of(server);
        http = new HttpFixture(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void forty_concurrent_wrong_passwords_get_ten_invalid_grants_and_each_lock_expiry_one() {
        String email = HttpFixture.anEmail();
        http.register(email);

        List<HttpResponse<String>> first = burst(email, "10.77.1.");
        assertThat(invalidGrants(first)).as("answers on the password before the lock").isLessThanOrEqualTo(10);
        assertThat(throttled(first)).hasSizeGreaterThanOrEqualTo(BURST - 10);

        clock.advance(longestRetryAfter(first));
        List<HttpResponse<String>> second = burst(email, "10.77.2.");
        assertThat(invalidGrants(second)).as("guesses after the lock expired").isEqualTo(1);
        assertThat(throttled(second)).hasSize(BURST - 1);
    }

    /** {@value #BURST} sign-ins with wrong passwords, all in flight at once, each from its own address. */
    private List<HttpResponse<String>> burst(String email, String addressPrefix) {
        List<CompletableFuture<HttpResponse<String>>> inFlight = IntStream.range(0, BURST).mapToObj(i -> {
            String form = HttpFixture.form(Map.of("grant_type", "password", "username", email, "password", "wrong password " + i,
                    "client_id", "api"));
            HttpRequest request = http.request("/auth/token").setHeader("X-Forwarded-For", addressPrefix + (i + 1))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
            return http.client().sendAsync(request, HttpResponse.BodyHandlers.ofString());
        }).toList();
        return inFlight.stream().map(CompletableFuture::join).toList();
    }

    private long invalidGrants(List<HttpResponse<String>> answers) {
        return answers.stream().filter(answer -> answer.statusCode() == 400 && answer.body().contains("\"invalid_grant\"")).count();
    }

    /** The 429 answers, each checked for its {@code Retry-After}. */
    private List<HttpResponse<String>> throttled(List<HttpResponse<String>> answers) {
        List<HttpResponse<String>> throttled = answers.stream().filter(answer -> answer.statusCode() == 429).toList();
        assertThat(throttled).allSatisfy(answer -> assertThat(answer.headers().firstValue("Retry-After")).isPresent());
        return throttled;
    }

    private static Duration longestRetryAfter(List<HttpResponse<String>> answers) {
        return answers.stream().flatMap(answer -> answer.headers().firstValue("Retry-After").stream())
                .map(seconds -> Duration.ofSeconds(Long.parseLong(seconds))).max(Duration::compareTo).orElseThrow();
    }
}
