package dev.gatehouse.application.service;

import static dev.gatehouse.application.testing.ServiceFixture.API;
import static dev.gatehouse.application.testing.ServiceFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.in.RegisterUseCase.RegisterCommand;
import dev.gatehouse.application.port.in.RegisterUseCase.RegisterResult;
import dev.gatehouse.application.testing.ServiceFixture;
import dev.gatehouse.domain.event.SecurityEventType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Registration is limited per network, so its 409 cannot be used to test e-mails in bulk. */
class RegistrationThrottleTest {

    private final ServiceFixture gatehouse = new ServiceFixture();

    @Test
    void one_network_may_ask_twenty_times_an_hour_whatever_the_answers_were() {
        gatehouse.registered("taken@example.com");
        for (int i = 0; i < 20; i++) {
            assertThat(register("taken@example.com", "203.0.113.5")).isEqualTo(new RegisterResult.EmailTaken());
        }
        int hashes = gatehouse.hasher.hashes;

        assertThat(register("new@example.com", "203.0.113.5")).isEqualTo(new RegisterResult.Throttled(Duration.ofHours(1)));
        assertThat(register("other@example.com", "203.0.113.5")).isInstanceOf(RegisterResult.Throttled.class);
        assertThat(gatehouse.hasher.hashes).as("nothing hashed once throttled").isEqualTo(hashes);
        assertThat(gatehouse.events.ofType(SecurityEventType.REGISTRATION_THROTTLED)).as("one event per window").hasSize(1)
                .allSatisfy(event -> assertThat(event.clientAddress()).isEqualTo("203.0.113.5"));
        assertThat(register("new@example.com", "203.0.113.6")).isInstanceOf(RegisterResult.Registered.class);

        gatehouse.clock.advance(Duration.ofHours(1));
        assertThat(register("later@example.com", "203.0.113.5")).isInstanceOf(RegisterResult.Registered.class);
    }

    @Test
    void a_registration_event_holds_the_address() {
        register("ada@example.com", "203.0.113.7");
        assertThat(gatehouse.events.ofType(SecurityEventType.ACCOUNT_REGISTERED)).singleElement()
                .satisfies(event -> assertThat(event.clientAddress()).isEqualTo("203.0.113.7"));
    }

    private RegisterResult register(String email, String address) {
        return gatehouse.register.register(new RegisterCommand(email, PASSWORD, "Someone", API, "JUnit", address));
    }
}
