package dev.gatehouse.adapter.in.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressesTest {

    private final ClientAddresses addresses = new ClientAddresses(List.of("127.0.0.1", "10.0.0.5"));

    @Test
    void a_trusted_proxy_names_the_right_most_untrusted_entry() {
        assertThat(addresses.of(forwardedFor("198.51.100.1, 203.0.113.7, 10.0.0.5"))).isEqualTo("203.0.113.7");
    }

    @Test
    void the_port_a_proxy_writes_after_an_ipv4_address_is_dropped() {
        assertThat(addresses.of(forwardedFor("203.0.113.7:50001"))).isEqualTo("203.0.113.7");
        assertThat(addresses.of(forwardedFor("203.0.113.7:50001, 10.0.0.5:443"))).isEqualTo("203.0.113.7");
    }

    @Test
    void the_brackets_and_port_a_proxy_writes_around_an_ipv6_address_are_dropped() {
        assertThat(addresses.of(forwardedFor("[2001:db8::7]:50001"))).isEqualTo("2001:db8::7");
        assertThat(addresses.of(forwardedFor("[2001:db8::7]"))).isEqualTo("2001:db8::7");
        assertThat(addresses.of(forwardedFor("2001:db8::7"))).isEqualTo("2001:db8::7");
    }

    @Test
    void an_entry_that_is_no_address_is_taken_as_written() {
        assertThat(addresses.of(forwardedFor("unknown"))).isEqualTo("unknown");
        assertThat(addresses.of(forwardedFor("unknown:80"))).isEqualTo("unknown:80");
    }

    @Test
    void an_untrusted_peer_is_the_client_whatever_it_forwards() {
        assertThat(addresses.of(HttpRequest.GET("http://192.0.2.9/auth/token").header("X-Forwarded-For", "203.0.113.7:1")))
                .isEqualTo("192.0.2.9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.0/8", "not-an-ip", "proxy.internal", "10.0.0.256", "::1", "2001:db8::5", "010.0.0.5", "1.2.3"})
    void a_trusted_proxy_that_could_never_match_a_connection_stops_the_start(String entry) {
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.5", entry)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("gatehouse.trusted-proxies").hasMessageContaining(entry);
    }

    @Test
    void an_ipv6_proxy_written_as_java_prints_it_is_trusted() {
        var ipv6 = new ClientAddresses(List.of(" 0:0:0:0:0:0:0:1 "));
        assertThat(ipv6.of(HttpRequest.GET("http://[::1]/auth/token").header("X-Forwarded-For", "203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    private static HttpRequest<?> forwardedFor(String entries) {
        return HttpRequest.GET("http://127.0.0.1/auth/token").header("X-Forwarded-For", entries);
    }
}
