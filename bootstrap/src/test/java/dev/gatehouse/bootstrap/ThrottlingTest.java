package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Brute force is throttled per account and per client address, with the same 429 for every password. */
class ThrottlingTest {

    private final HttpFixture http = new HttpFixture(GatehouseServer.shared());

    @Test
    void an_account_locks_after_ten_failures_even_for_the_right_password() {
        String email = HttpFixture.anEmail();
        http.register(email);
        for (int i = 0; i < 10; i++) {
            assertThat(http.signIn(email, "wrong password " + i).statusCode()).isEqualTo(400);
        }
        HttpResponse<String> locked = http.signIn(email, HttpFixture.PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 30));
        assertThat(http.signIn(email, "wrong again").body()).isEqualTo(locked.body());
    }

    @Test
    void an_unknown_email_is_throttled_exactly_like_an_existing_one() {
        String nobody = HttpFixture.anEmail();
        for (int i = 0; i < 10; i++) {
            assertThat(http.signIn(nobody, "wrong password " + i).statusCode()).isEqualTo(400);
        }
        assertThat(http.signIn(nobody, "wrong password").statusCode()).isEqualTo(429);
    }

    @Test
    void one_client_address_may_try_sixty_sign_ins_a_minute() {
        HttpFixture sprayer = new HttpFixture(GatehouseServer.shared());
        int throttled = 0;
        for (int i = 0; i < 61; i++) {
            HttpResponse<String> response = sprayer.postForm("/auth/token", Map.of("grant_type", "password",
                    "username", "spray" + i + "@example.com", "password", "short", "client_id", "api"));
            throttled += response.statusCode() == 429 ? 1 : 0;
        }
        assertThat(throttled).as("the 61st request of the minute (or more, if the minute turned)").isBetween(1, 1);
    }

    @Test
    void a_flood_of_sign_ins_is_shed_and_never_starves_refreshes() {
        String email = HttpFixture.anEmail();
        Map<String, Object> session = http.register(email);
        String form = HttpFixture.form(Map.of("grant_type", "password", "username", email, "password", HttpFixture.PASSWORD,
                "client_id", "api"));
        List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            flood.add(http.client().sendAsync(http.request("/auth/token").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        Instant before = Instant.now();
        HttpResponse<String> refresh = http.refresh((String) session.get("refresh_token"));
        Duration refreshTook = Duration.between(before, Instant.now());
        List<HttpResponse<String>> answers = flood.stream().map(CompletableFuture::join).toList();

        assertThat(refresh.statusCode()).isEqualTo(200);
        assertThat(refreshTook).as("the refresh did not queue behind hashing").isLessThan(Duration.ofSeconds(2));
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 503).contains(503);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 503)
                .allSatisfy(shed -> assertThat(shed.headers().firstValue("Retry-After")).isPresent());
    }
}
