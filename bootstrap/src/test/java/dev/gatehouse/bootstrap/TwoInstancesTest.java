package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.micronaut.runtime.server.EmbeddedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Production mode: an external database (here an embedded PostgreSQL the test starts) and configured
 * keys (ES256, RFC 9068's {@code typ: at+jwt}). Two instances share the database; rotation stays atomic
 * across them. Without keys, the service refuses to start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {

    private EmbeddedPostgres postgres;
    private EmbeddedServer first;
    private EmbeddedServer second;

    @BeforeAll
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        var key = new ECKeyGenerator(Curve.P_256).keyID("test-es256").algorithm(JWSAlgorithm.ES256).generate();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Map<String, Object> production = new HashMap<>(database());
        production.put("gatehouse.keys.signing", new JWKSet(key).toString(false));
        production.put("gatehouse.keys.refresh-secret", Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        production.put("gatehouse.tokens.signing-algorithm", "ES256");
        production.put("gatehouse.tokens.access-token-type", "at+jwt");
        first = GatehouseServer.start(production);
        second = GatehouseServer.start(production);
    }

    @AfterAll
    void stop() throws Exception {
        second.close();
        first.close();
        postgres.close();
    }

    @Test
    void a_race_across_two_instances_on_one_database_still_yields_one_successor() {
        var http = new HttpFixture(first);
        Map<String, Object> registered = http.register(HttpFixture.anEmail());
        List<HttpResponse<String>> answers = RefreshRace.run(http.client(), List.of(first.getURI(), second.getURI()),
                (String) registered.get("refresh_token"), 50);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        assertThat(answers.stream().map(answer -> http.object(answer).get("refresh_token")).distinct()).hasSize(1);
    }

    @Test
    void tokens_of_one_instance_are_honoured_by_the_other() {
        Map<String, Object> registered = new HttpFixture(first).register(HttpFixture.anEmail());
        String header = new String(Base64.getUrlDecoder().decode(((String) registered.get("access_token")).split("\\.")[0]),
                StandardCharsets.UTF_8);
        assertThat(header).contains("\"typ\":\"at+jwt\"", "\"alg\":\"ES256\"");
        var onSecond = new HttpFixture(second);
        assertThat(onSecond.get("/auth/me", (String) registered.get("access_token")).statusCode()).isEqualTo(200);
        assertThat(onSecond.refresh((String) registered.get("refresh_token")).statusCode()).isEqualTo(200);
    }

    @Test
    void the_browser_client_is_served_in_production_mode_too() {
        var http = new HttpFixture(first);
        HttpResponse<String> script = http.send(http.request("/sdk/gatehouse.js").GET());

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript");
        assertThat(script.body()).contains("export function createClient(");
    }

    @Test
    void a_production_instance_publishes_its_pool_metrics() {
        assertThat(MetricsScrape.of(new HttpFixture(first)).samples().keySet())
                .anyMatch(series -> series.startsWith("hikaricp_connections_active{"));
    }

    @Test
    void without_configured_keys_a_production_instance_refuses_to_start() {
        assertThatThrownBy(() -> GatehouseServer.start(database()).close())
                .hasStackTraceContaining("must be configured when datasources.default.url is set").hasStackTraceContaining("gatehouse.keys.");
    }

    private Map<String, Object> database() {
        return Map.of("datasources.default.url", postgres.getJdbcUrl("postgres", "postgres"),
                "datasources.default.username", "postgres", "datasources.default.password", "", "gatehouse.mail.smtp.host", "127.0.0.1");
    }
}
