package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Brute force is throttled per account and per client network (IPv4 address, IPv6 /64), with the same
 * 429 for every password; registration per network too.
 */
class ThrottlingTest {

    private final HttpFixture http = new HttpFixture(GatehouseServer.shared());

    @Test
    void an_account_locks_after_ten_failures_even_for_the_right_password() {
        HttpFixture.awaitFreshMinute();
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
        HttpFixture.awaitFreshMinute();
        String nobody = HttpFixture.anEmail();
        for (int i = 0; i < 10; i++) {
            assertThat(http.signIn(nobody, "wrong password " + i).statusCode()).isEqualTo(400);
        }
        assertThat(http.signIn(nobody, "wrong password").statusCode()).isEqualTo(429);
    }

    @Test
    void one_client_address_may_try_sixty_sign_ins_a_minute() {
        HttpFixture.awaitFreshMinute();
        HttpFixture sprayer = new HttpFixture(GatehouseServer.shared());
        int throttled = 0;
        for (int i = 0; i < 61; i++) {
            HttpResponse<String> response = sprayer.postForm("/auth/token", Map.of("grant_type", "password",
                    "username", "spray" + i + "@example.com", "password", "short", "client_id", "api"));
            throttled += response.statusCode() == 429 ? 1 : 0;
        }
        assertThat(throttled).as("the 61st request of the minute").isEqualTo(1);
    }

    @Test
    void ipv6_clients_are_counted_by_their_64() {
        HttpFixture.awaitFreshMinute();
        HttpFixture sprayer = new HttpFixture(GatehouseServer.shared());
        String network = "2001:db8:" + Integer.toHexString((int) (Math.random() * 0xffff)) + ":7::";
        for (int i = 0; i < 60; i++) {
            assertThat(attemptFrom(sprayer, network + Integer.toHexString(i + 1)).statusCode()).isEqualTo(400);
        }
        assertThat(attemptFrom(sprayer, network + "ffff:ffff:ffff").statusCode()).as("another address of the same /64").isEqualTo(429);
        assertThat(attemptFrom(sprayer, network.replace(":7::", ":8::") + "1").statusCode()).as("the next /64").isEqualTo(400);
    }

    @Test
    void an_ipv4_mapped_ipv6_address_counts_as_its_ipv4_address() {
        HttpFixture.awaitFreshMinute();
        HttpFixture sprayer = new HttpFixture(GatehouseServer.shared());
        for (int i = 0; i < 60; i++) {
            assertThat(attemptFrom(sprayer, "::ffff:" + sprayer.clientAddress()).statusCode()).isEqualTo(400);
        }
        assertThat(attemptFrom(sprayer, sprayer.clientAddress()).statusCode()).isEqualTo(429);
    }

    @Test
    void one_network_may_register_twenty_times_an_hour_then_gets_a_problem_429() {
        HttpFixture registrar = new HttpFixture(GatehouseServer.shared());
        for (int i = 0; i < 20; i++) {
            assertThat(registrar.postJson("/auth/register", "{\"email\":\"nope\",\"password\":\"x\",\"name\":\"n\",\"clientId\":\"api\"}")
                    .statusCode()).isEqualTo(400);
        }
        HttpResponse<String> throttled = registrar.postJson("/auth/register", registrar.toJson(Map.of("email", HttpFixture.anEmail(),
                "password", HttpFixture.PASSWORD, "name", "Late", "clientId", "api")));
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 3600));
        assertThat(registrar.object(throttled)).containsEntry("status", 429);
        assertThat(new HttpFixture(GatehouseServer.shared()).register(HttpFixture.anEmail())).as("another network").containsKey("access_token");
    }

    @Test
    void a_flood_of_sign_ins_beyond_the_hashing_queue_is_shed_and_never_starves_refreshes() {
        Map<String, Object> session = http.register(HttpFixture.anEmail());
        List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
        for (int i = 0; i < 300; i++) { // 2 slots and 96 waiting places by default; distinct accounts and addresses
            flood.add(http.signInFrom(HttpFixture.crowdAddress(i), HttpFixture.anEmail(), HttpFixture.PASSWORD));
        }
        List<CompletableFuture<Instant>> answeredAt = HttpFixture.answeredAt(flood);
        HttpFixture.awaitAnswer(flood, 503); // the hashing queue is full now
        HttpResponse<String> refresh = new HttpFixture(GatehouseServer.shared()).refresh((String) session.get("refresh_token"));
        Instant refreshed = Instant.now();
        List<HttpResponse<String>> answers = flood.stream().map(CompletableFuture::join).toList();

        assertThat(refresh.statusCode()).isEqualTo(200);
        assertThat(answers).as("unknown accounts: one flooded account would be stopped before hashing by its own lock")
                .extracting(HttpResponse::statusCode).containsOnly(400, 503).contains(400, 503);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 503)
                .allSatisfy(shed -> assertThat(shed.headers().firstValue("Retry-After")).isPresent());
        assertThat(HttpFixture.answeredAfter(flood, answeredAt, 400, refreshed))
                .as("hashed sign-ins answered after the refresh: it did not queue behind hashing")
                .isGreaterThan(answers.stream().filter(answer -> answer.statusCode() == 400).count() / 2);
    }

    private static HttpResponse<String> attemptFrom(HttpFixture fixture, String address) {
        return fixture.send(fixture.request("/auth/token").setHeader("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(HttpFixture.form(
                        Map.of("grant_type", "password", "username", HttpFixture.anEmail(), "password", "short", "client_id", "api")))));
    }
}
