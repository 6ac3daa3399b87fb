package dev.gatehouse.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.port.HashingCapacityExceededException;
import dev.gatehouse.application.port.in.RegisterUseCase.RegisterCommand;
import dev.gatehouse.application.port.in.SignInUseCase.SignInCommand;
import dev.gatehouse.domain.token.ClientId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** A request shed for lack of hashing capacity is counted as {@code shed} and still answered 503 (the exception goes on). */
class ShedMeteringTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void a_shed_sign_in_is_counted_and_rethrown() {
        var signIn = new MeteredSignIn(command -> {
            throw new HashingCapacityExceededException();
        }, registry);
        assertThatThrownBy(() -> signIn.signIn(new SignInCommand("a@example.com", "pw", new ClientId("web"), null, "10.0.0.1")))
                .isInstanceOf(HashingCapacityExceededException.class);
        assertThat(registry.get("gatehouse.sign_ins").tags("client", "web", "outcome", "shed").counter().count()).isEqualTo(1.0);
    }

    @Test
    void a_shed_registration_is_counted_and_rethrown() {
        var register = new MeteredRegistration(command -> {
            throw new HashingCapacityExceededException();
        }, registry);
        assertThatThrownBy(() -> register.register(new RegisterCommand("a@example.com", "pw", "A", new ClientId("api"), null, "10.0.0.1")))
                .isInstanceOf(HashingCapacityExceededException.class);
        assertThat(registry.get("gatehouse.registrations").tags("outcome", "shed").counter().count()).isEqualTo(1.0);
    }
}
