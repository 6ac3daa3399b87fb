package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.adapter.out.security.KeyMaterial;
import io.micronaut.runtime.server.EmbeddedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Production key configuration, instances started and stopped on one database: rotating the refresh secret
 * (docs/operations.md "Keys"), sessions of the single secret of earlier releases during a rolling move to a
 * key ring, and values that stop the start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyConfigurationTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String R1 = KeyMaterial.refreshSecret(RANDOM);
    private static final String R2 = KeyMaterial.refreshSecret(RANDOM);
    private static final String SIGNING = KeyMaterial.signingKeySet("RS256", RANDOM);

    private EmbeddedPostgres postgres;

    @BeforeAll
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    void stop() throws Exception {
        postgres.close();
    }

    @Test
    void a_token_minted_under_r1_refreshes_once_the_ring_is_r2_r1_and_fails_once_r1_is_removed() {
        Map<String, Object> first;
        Map<String, Object> second;
        try (var before = start(Map.of("gatehouse.keys.refresh-secrets", List.of("r1:" + R1)))) {
            first = new HttpFixture(before).register(HttpFixture.anEmail());
            second = new HttpFixture(before).register(HttpFixture.anEmail());
        }
        assertThat((String) first.get("refresh_token")).contains(".0.r1.");

        String successor;
        try (var rotated = start(Map.of("gatehouse.keys.refresh-secrets", "r2:" + R2 + ",r1:" + R1))) {
            var http = new HttpFixture(rotated);
            HttpResponse<String> refresh = http.refresh((String) first.get("refresh_token"));
            assertThat(refresh.statusCode()).isEqualTo(200);
            successor = (String) http.object(refresh).get("refresh_token");
            assertThat(successor).as("minted under the newest secret").contains(".1.r2.");
            HttpResponse<String> racingTab = http.refresh((String) first.get("refresh_token"));
            assertThat(http.object(racingTab).get("refresh_token")).as("the same successor within the grace").isEqualTo(successor);
        }

        try (var after = start(Map.of("gatehouse.keys.refresh-secrets", List.of("r2:" + R2)))) {
            var http = new HttpFixture(after);
            HttpResponse<String> underRemovedSecret = http.refresh((String) second.get("refresh_token"));
            assertThat(underRemovedSecret.statusCode()).isEqualTo(400);
            assertThat(http.object(underRemovedSecret)).containsEntry("error", "invalid_grant");
            assertThat(http.refresh(successor).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void sessions_of_the_single_refresh_secret_survive_a_rolling_move_to_a_ring() {
        String legacy;
        try (var single = start(Map.of("gatehouse.keys.refresh-secret", R1))) {
            legacy = (String) new HttpFixture(single).register(HttpFixture.anEmail()).get("refresh_token");
        }
        assertThat(legacy.split("\\.")).as("<family>.<generation>.<proof>, as earlier releases minted").hasSize(3);

        try (var stepOne = start(Map.of("gatehouse.keys.refresh-secret", R1, "gatehouse.keys.refresh-secrets", List.of("r2:" + R2)));
                var stepTwo = start(Map.of("gatehouse.keys.refresh-secrets", List.of("r2:" + R2, "r1:" + R1)))) {
            String underR2 = refreshed(stepTwo, legacy);
            assertThat(underR2).contains(".1.r2.");
            String withoutKeyId = refreshed(stepOne, underR2);
            assertThat(withoutKeyId.split("\\.")).as("the single secret still mints").hasSize(3);
            assertThat(refreshed(stepTwo, withoutKeyId)).contains(".3.r2.");
        }
    }

    private static String refreshed(EmbeddedServer server, String refreshToken) {
        var http = new HttpFixture(server);
        HttpResponse<String> refresh = http.refresh(refreshToken);
        assertThat(refresh.statusCode()).as(server.getURL() + " refreshes " + refreshToken).isEqualTo(200);
        return (String) http.object(refresh).get("refresh_token");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "gatehouse.tokens.signing-algorithm | HS256         | gatehouse.tokens.signing-algorithm must be RS256, ES256 or EdDSA",
        "gatehouse.tokens.access-token-type | at+JWT        | gatehouse.tokens.access-token-type must be JWT or at+jwt",
        "gatehouse.keys.refresh-secrets     | r1:$1,r1:$2   | gatehouse.keys.refresh-secrets: key id r1 appears twice",
        "gatehouse.keys.refresh-secrets     | r1:c2hvcnQ    | gatehouse.keys.refresh-secrets: the secret of key r1 has fewer than 32 bytes",
        "gatehouse.keys.refresh-secret      | $1            | gatehouse.keys.refresh-secret has the same secret as key r1"})
    void an_unusable_value_stops_the_start_naming_the_key(String key, String value, String message) {
        Map<String, Object> configuration = new HashMap<>(Map.of("gatehouse.keys.refresh-secrets", "r1:" + R1));
        configuration.put(key, value.replace("$1", R1).replace("$2", R2));
        assertThatThrownBy(() -> start(configuration).close()).hasStackTraceContaining(message);
    }

    private EmbeddedServer start(Map<String, Object> keys) {
        Map<String, Object> production = new HashMap<>(keys);
        production.put("datasources.default.url", postgres.getJdbcUrl("postgres", "postgres"));
        production.put("datasources.default.username", "postgres");
        production.put("datasources.default.password", "");
        production.put("gatehouse.mail.smtp.host", "127.0.0.1");
        production.put("gatehouse.keys.signing", SIGNING);
        return GatehouseServer.start(production);
    }
}
