package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client configuration the service cannot use stops the start, with a message that names the key and
 * what it allows, instead of a healthy-looking service that answers every request with a 500.
 */
class ClientConfigurationTest {

    @Test
    void an_unknown_delivery_stops_the_start_naming_the_key_and_the_allowed_values() {
        assertThatThrownBy(() -> GatehouseServer.start(Map.of("gatehouse.clients.x.delivery", "carrier-pigeon")).close())
                .hasMessageContaining("gatehouse.clients.x.delivery")
                .hasMessageContaining("carrier-pigeon")
                .hasMessageContaining("body")
                .hasMessageContaining("cookie");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example/", "https://app.example/path", "app.example", "//app.example", "ftp://app.example",
            "https://APP.example", "HTTPS://app.example", "https://app.example:443", "http://app.example:80", "https://user@app.example",
            "https://app.example?x=1", "https://app.example#top", "*", ""})
    void an_allowed_origin_that_is_not_scheme_host_and_port_stops_the_start(String origin) {
        assertThatThrownBy(() -> GatehouseServer.start(Map.of("gatehouse.clients.x.delivery", "cookie",
                "gatehouse.clients.x.allowed-origins", List.of("https://ok.example", origin))).close())
                .hasMessageContaining("gatehouse.clients.x.allowed-origins")
                .hasMessageContaining("scheme://host[:port]");
    }

    /** Micronaut binds Web to the client web: the two were merged, and the cookie client web became a body client. */
    @Test
    void a_client_id_with_upper_case_letters_stops_the_start() {
        assertThatThrownBy(() -> GatehouseServer.start(Map.of("gatehouse.clients.Web.delivery", "body")).close())
                .hasStackTraceContaining("gatehouse.clients.Web: client ids are lower case");
    }

    @Test
    void a_cookie_client_without_allowed_origins_stops_the_start() {
        assertThatThrownBy(() -> GatehouseServer.start(Map.of("gatehouse.clients.x.delivery", "cookie")).close())
                .hasMessageContaining("gatehouse.clients.x.allowed-origins")
                .hasMessageContaining("at least one origin");
    }
}
