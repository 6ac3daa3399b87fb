package dev.gatehouse.bootstrap.metrics;

import dev.gatehouse.application.port.HashingCapacityExceededException;
import dev.gatehouse.application.port.in.RegisterUseCase;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * Counts registrations as {@code gatehouse_registrations_total{outcome}}, outcome one of {@code success},
 * {@code invalid_input}, {@code email_taken}, {@code throttled} (too many from one address) and {@code shed}
 * (no hashing capacity).
 */
public final class MeteredRegistration implements RegisterUseCase {

    private final RegisterUseCase register;
    private final Outcomes outcomes;

    static final List<String> OUTCOMES = List.of("success", "invalid_input", "email_taken", "throttled", "shed");

    public MeteredRegistration(RegisterUseCase register, MeterRegistry registry) {
        this.register = register;
        this.outcomes = counter(registry);
    }

    static Outcomes counter(MeterRegistry registry) {
        return new Outcomes(registry, "gatehouse.registrations", "Registrations by outcome");
    }

    @Override
    public RegisterResult register(RegisterCommand command) {
        RegisterResult result;
        try {
            result = register.register(command);
        } catch (HashingCapacityExceededException shed) {
            outcomes.count("outcome", "shed");
            throw shed;
        }
        outcomes.count("outcome", outcome(result));
        return result;
    }

    private static String outcome(RegisterResult result) {
        if (result instanceof RegisterResult.Registered) {
            return "success";
        }
        if (result instanceof RegisterResult.Rejected) {
            return "invalid_input";
        }
        if (result instanceof RegisterResult.EmailTaken) {
            return "email_taken";
        }
        if (result instanceof RegisterResult.Throttled) {
            return "throttled";
        }
        throw new IllegalStateException("unknown registration result " + result);
    }
}
