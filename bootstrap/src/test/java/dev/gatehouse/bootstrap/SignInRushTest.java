package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bursts of password hashing: a morning rush queues for the hashing slots instead of failing, and a registration
 * flood cannot take the sign-ins' places in that queue. Default limits, except a longer {@code max-wait}: the
 * machine running the tests may be shared, and there a hash can take ten times as long as on an idle machine,
 * which would rightly shed a queue that is fine on an idle one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInRushTest {

    private final EmbeddedServer server = GatehouseServer.start(Map.of("gatehouse.password-hashing.max-wait", "60s"));
    private final HttpFixture http = new HttpFixture(server);

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void sixty_four_people_signing_in_at_once_all_get_in_while_refreshes_stay_fast() {
        List<String> people = registered(64, 0);
        String refreshToken = (String) http.register(HttpFixture.anEmail()).get("refresh_token");

        List<CompletableFuture<HttpResponse<String>>> rush = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            rush.add(http.signInFrom(HttpFixture.crowdAddress(1000 + i), people.get(i), HttpFixture.PASSWORD));
        }
        List<CompletableFuture<Instant>> answeredAt = HttpFixture.answeredAt(rush);
        HttpResponse<String> refresh = new HttpFixture(server).refresh(refreshToken);
        Instant refreshed = Instant.now();

        assertThat(statuses(rush)).as("no one is shed").hasSize(64).containsOnly(200);
        assertThat(refresh.statusCode()).isEqualTo(200);
        assertThat(HttpFixture.answeredAfter(rush, answeredAt, 200, refreshed))
                .as("sign-ins answered after the refresh: it did not queue behind hashing").isGreaterThan(32);
    }

    @Test
    void a_registration_flood_does_not_turn_sign_ins_into_503s() {
        List<String> people = registered(32, 2000);
        List<CompletableFuture<HttpResponse<String>>> flood = IntStream.range(0, 160)
                .mapToObj(i -> http.registerFrom(HttpFixture.crowdAddress(3000 + i), HttpFixture.anEmail())).toList();
        List<CompletableFuture<HttpResponse<String>>> signIns = IntStream.range(0, people.size())
                .mapToObj(i -> http.signInFrom(HttpFixture.crowdAddress(4000 + i), people.get(i), HttpFixture.PASSWORD)).toList();

        assertThat(statuses(signIns)).as("sign-ins during the flood").hasSize(32).containsOnly(200);
        assertThat(statuses(flood)).as("registrations beyond their share are shed").containsOnly(201, 503).contains(503);
    }

    /** {@code count} freshly registered e-mails, registered 16 at a time from addresses {@code firstAddress...}. */
    private List<String> registered(int count, int firstAddress) {
        List<String> emails = IntStream.range(0, count).mapToObj(i -> HttpFixture.anEmail()).toList();
        for (int batch = 0; batch < count; batch += 16) {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = batch; i < Math.min(count, batch + 16); i++) {
                answers.add(http.registerFrom(HttpFixture.crowdAddress(firstAddress + i), emails.get(i)));
            }
            assertThat(statuses(answers)).containsOnly(201);
        }
        return emails;
    }

    private static List<Integer> statuses(List<CompletableFuture<HttpResponse<String>>> answers) {
        return answers.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
    }
}
