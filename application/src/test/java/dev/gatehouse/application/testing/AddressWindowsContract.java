package dev.gatehouse.application.testing;

import static dev.gatehouse.application.testing.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.out.AddressWindows;
import dev.gatehouse.application.port.out.AddressWindows.Purpose;
import dev.gatehouse.domain.throttle.ClientNetwork;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AddressWindows} does, run against the in-memory fake and against PostgreSQL. */
public abstract class AddressWindowsContract {

    private AddressWindows windows;
    private final ClientNetwork network = new ClientNetwork("net-" + UUID.randomUUID());

    /** The store under test; asked once per test. */
    protected abstract AddressWindows windows();

    @BeforeEach
    void openStore() {
        windows = windows();
    }

    @Test
    void requests_are_counted_per_purpose_network_and_window() {
        Instant end = T0.plusSeconds(60);
        assertThat(windows.countRequest(Purpose.SIGN_IN, network, end)).isEqualTo(1);
        assertThat(windows.countRequest(Purpose.SIGN_IN, network, end)).isEqualTo(2);
        assertThat(windows.countRequest(Purpose.REGISTRATION, network, end)).isEqualTo(1);
        assertThat(windows.countRequest(Purpose.SIGN_IN, new ClientNetwork("other-" + network.value()), end)).isEqualTo(1);
        assertThat(windows.countRequest(Purpose.SIGN_IN, network, end.plusSeconds(60))).as("a new window starts over").isEqualTo(1);
    }

    /** Hosts' clocks differ by a little: a request an instance behind dates in the previous window still counts. */
    @Test
    void a_request_dated_in_an_earlier_window_counts_in_the_stored_one() {
        Instant end = T0.plusSeconds(60);
        assertThat(windows.countRequest(Purpose.SIGN_IN, network, end.plusSeconds(60))).isEqualTo(1);
        assertThat(windows.countRequest(Purpose.SIGN_IN, network, end)).as("from an instance whose clock is behind").isEqualTo(2);
        assertThat(windows.countRequest(Purpose.SIGN_IN, network, end.plusSeconds(60))).isEqualTo(3);
    }

    @Test
    void a_counter_is_forgotten_once_its_window_ended() {
        windows.countRequest(Purpose.SIGN_IN, network, T0);
        windows.countRequest(Purpose.REGISTRATION, network, T0.plusSeconds(3600));
        while (windows.forgetEnded(T0, 1000) == 1000) {
            // keep going until this batch was the last
        }
        assertThat(windows.countRequest(Purpose.SIGN_IN, network, T0)).as("forgotten").isEqualTo(1);
        assertThat(windows.countRequest(Purpose.REGISTRATION, network, T0.plusSeconds(3600))).as("kept").isEqualTo(2);
    }
}
