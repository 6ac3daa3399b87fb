package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A service client the service cannot use stops the start, naming the key, and never repeating a secret. */
class ServiceClientConfigurationTest {

    private static final String SHORT = "thirty-one-characters-secret-31";

    @Test
    void a_secret_shorter_than_32_characters_stops_the_start_without_showing_it() {
        assertThatThrownBy(() -> GatehouseServer.start(Map.of("gatehouse.clients.ops.delivery", "service",
                "gatehouse.clients.ops.secret", SHORT, "gatehouse.clients.ops.scopes", List.of("admin"))).close())
                .hasMessageContaining("gatehouse.clients.ops.secret")
                .hasMessageContaining("32")
                .hasMessageNotContaining(SHORT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"                                        ", "secret-with-a-line-break-at-its-end\n", "secret with spaces in it, but long enough"})
    void a_secret_of_blanks_or_with_invisible_characters_stops_the_start(String secret) {
        assertThatThrownBy(() -> GatehouseServer.start(Map.of("gatehouse.clients.ops.delivery", "service",
                "gatehouse.clients.ops.secret", secret, "gatehouse.clients.ops.scopes", List.of("admin"))).close())
                .hasMessageContaining("gatehouse.clients.ops.secret")
                .hasMessageNotContaining("secret-with-a-line-break").hasMessageNotContaining("secret with spaces");
    }

    @Test
    void a_service_client_without_a_secret_stops_the_start() {
        assertThatThrownBy(() -> GatehouseServer.start(Map.of("gatehouse.clients.ops.delivery", "service",
                "gatehouse.clients.ops.scopes", List.of("admin"))).close())
                .hasMessageContaining("gatehouse.clients.ops.secret");
    }

    @Test
    void a_service_client_without_scopes_or_with_a_malformed_one_stops_the_start() {
        assertThatThrownBy(() -> GatehouseServer.start(Map.of("gatehouse.clients.ops.delivery", "service",
                "gatehouse.clients.ops.secret", "s".repeat(32))).close())
                .hasMessageContaining("gatehouse.clients.ops.scopes");
        assertThatThrownBy(() -> GatehouseServer.start(Map.of("gatehouse.clients.ops.delivery", "service",
                "gatehouse.clients.ops.secret", "s".repeat(32), "gatehouse.clients.ops.scopes", List.of("ad\"min"))).close())
                .hasMessageContaining("gatehouse.clients.ops.scopes");
    }

    @Test
    void a_secret_on_a_client_that_is_no_service_client_stops_the_start() {
        assertThatThrownBy(() -> GatehouseServer.start(Map.of("gatehouse.clients.api.secret", "s".repeat(32))).close())
                .hasMessageContaining("gatehouse.clients.api.secret")
                .hasMessageContaining("service");
        assertThatThrownBy(() -> GatehouseServer.start(Map.of("gatehouse.clients.api.previous-secret", "s".repeat(32))).close())
                .as("the key that was set").hasMessageContaining("gatehouse.clients.api.previous-secret:");
    }

    @Test
    void a_service_client_whose_id_looks_like_a_user_id_stops_the_start() {
        String id = "6f1c2a56-3f0e-4f7a-9a59-6a1b2c3d4e5f";
        assertThatThrownBy(() -> GatehouseServer.start(Map.of("gatehouse.clients." + id + ".delivery", "service",
                "gatehouse.clients." + id + ".secret", "s".repeat(32), "gatehouse.clients." + id + ".scopes", List.of("admin"))).close())
                .hasMessageContaining("gatehouse.clients." + id)
                .hasMessageContaining("user id");
    }
}
