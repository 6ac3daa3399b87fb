package dev.gatehouse.domain.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientNetworkTest {

    @ParameterizedTest
    @CsvSource({
            "192.0.2.7, 192.0.2.7",
            "2001:db8:1:2::1, 2001:db8:1:2:0:0:0:0/64",
            "2001:db8:1:2:ffff:eeee:dddd:cccc, 2001:db8:1:2:0:0:0:0/64",
            "[2001:DB8:1:2::abcd], 2001:db8:1:2:0:0:0:0/64",
            "fe80::1%eth0, fe80:0:0:0:0:0:0:0/64",
            "::ffff:192.0.2.7, 192.0.2.7",
            "::1, 0:0:0:0:0:0:0:0/64",
            "unknown, unknown",
            "_hidden, _hidden",
            "cafe, cafe",
            "not:an:address, not:an:address",
    })
    void ipv4_counts_as_itself_ipv6_by_its_64_and_anything_else_as_given(String address, String network) {
        assertThat(ClientNetwork.of(address).value()).isEqualTo(network);
    }

    @Test
    void a_key_never_exceeds_sixty_four_characters() {
        assertThat(ClientNetwork.of("x".repeat(100)).value()).hasSize(ClientNetwork.MAX_LENGTH);
        assertThat(ClientNetwork.of(":".repeat(100)).value()).hasSize(ClientNetwork.MAX_LENGTH);
    }
}
