package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client of /bff sessions is checked once, at start-up: a client the proxy cannot use stops the start. */
class BffClientConfigurationTest {

    @Test
    void an_unknown_client_stops_the_start_naming_the_key() {
        assertThatThrownBy(() -> GatehouseServer.start(Map.of("gatehouse.bff.client-id", "nobody")).close())
                .hasStackTraceContaining("gatehouse.bff.client-id").hasStackTraceContaining("delivery: proxy");
    }

    @Test
    void a_client_of_another_delivery_stops_the_start_naming_the_key() {
        assertThatThrownBy(() -> GatehouseServer.start(Map.of("gatehouse.bff.client-id", "web")).close())
                .hasStackTraceContaining("gatehouse.bff.client-id names client 'web' of delivery: cookie");
    }

    @Test
    void a_proxy_client_without_allowed_origins_stops_the_start_naming_the_key() {
        assertThatThrownBy(() -> GatehouseServer.start(Map.of("gatehouse.clients.lonely.delivery", "proxy",
                "gatehouse.bff.client-id", "lonely")).close())
                .hasStackTraceContaining("gatehouse.clients.lonely.allowed-origins");
    }
}
