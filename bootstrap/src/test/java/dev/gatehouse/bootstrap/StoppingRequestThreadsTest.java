package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.TaskExecutors;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;

/**
 * A request that arrives while the service stops, after its request threads have shut down, is told to come back
 * (503 with {@code Retry-After}, which a load balancer retries on another instance), not given a 500.
 */
class StoppingRequestThreadsTest {

    @Test
    void a_request_refused_by_the_stopped_request_threads_is_a_503() {
        try (EmbeddedServer server = GatehouseServer.start(Map.of())) {
            HttpFixture http = new HttpFixture(server);
            server.getApplicationContext().getBean(ExecutorService.class, Qualifiers.byName(TaskExecutors.BLOCKING)).shutdown();

            HttpResponse<String> answer = http.send(http.request("/auth/me").header("Authorization", "Bearer x.y.z").GET());

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            assertThat(answer.body()).contains("urn:gatehouse:problem:");
        }
    }
}
