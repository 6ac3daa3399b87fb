package dev.gatehouse.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md, "Shutdown": with {@code gatehouse.shutdown.drain}, SIGTERM first turns readiness to 503 so
 * that a balancer takes the instance out, while requests are still served; then the jar stops (status 143). In
 * development mode, as here, the embedded database stops last, once the application has stopped: requests of the
 * drain still reach it, and the stop logs no warning.
 */
class ShutdownIT {

    private static final Duration DRAIN = Duration.ofSeconds(10);

    @Test
    void on_sigterm_readiness_answers_503_while_requests_are_still_served_then_the_jar_stops() {
        try (GatehouseJar jar = GatehouseJar.start("shutdown-drain", port -> new JarLaunch(JarLaunch.LEAN, Map.of(
                "micronaut.server.port", Integer.toString(port), "gatehouse.shutdown.drain", DRAIN.toSeconds() + "s"), Optional.empty()))) {
            Http http = new Http(jar.base());
            assertThat(http.get("/health/readiness").statusCode()).isEqualTo(200);
            Instant signalled = Instant.now();

            jar.terminate();
            HttpResponse<String> readiness = http.get("/health/readiness");
            while (readiness.statusCode() == 200 && Instant.now().isBefore(signalled.plus(DRAIN))) { // until the signal is handled
                readiness = http.get("/health/readiness");
            }

            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
            assertThat(Http.json(readiness).get("detail").asText()).isEqualTo("The service is stopping.");
            assertThat(new Http(jar.base()).get("/.well-known/jwks.json").statusCode()).as("requests are still served, also on new connections")
                    .isEqualTo(200);
            assertThat(http.postJson("/auth/register", Gatehouse.registration(Gatehouse.anEmail(), "api")).statusCode())
                    .as("a request of the drain that needs the database").isEqualTo(201);
            assertThat(jar.awaitExit()).as("SIGTERM's status").isEqualTo(143);
            assertThat(jar.logText()).contains("SIGTERM: draining for 10000 ms before stopping");
            assertThat(jar.logText().lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
                    .filter(line -> !line.contains("DEVELOPMENT MODE"))).as("warnings and errors of the stop").isEmpty();
        }
    }
}
