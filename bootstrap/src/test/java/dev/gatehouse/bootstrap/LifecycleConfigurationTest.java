package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lifecycle settings the service cannot use stop the start, naming the key. */
class LifecycleConfigurationTest {

    @Test
    void an_unusable_reset_ttl_or_reset_limit_stops_the_start() {
        assertThatThrownBy(() -> GatehouseServer.start(Map.of("gatehouse.mail.reset-ttl", "3d")).close())
                .hasStackTraceContaining("gatehouse.mail.reset-ttl must be positive and at most 1d");
        assertThatThrownBy(() -> GatehouseServer.start(Map.of("gatehouse.throttle.password-resets-per-email-per-hour", 0)).close())
                .hasStackTraceContaining("gatehouse.throttle.password-resets-per-email-per-hour");
    }
}
