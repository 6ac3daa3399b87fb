package dev.gatehouse.bootstrap.metrics;

import dev.gatehouse.application.port.HashingCapacityExceededException;
import dev.gatehouse.application.port.in.SignInUseCase;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * Counts sign-ins as {@code gatehouse_sign_ins_total{client, outcome}}, outcome one of {@code success},
 * {@code invalid_credentials}, {@code throttled} and {@code shed} (no hashing capacity, answered 503).
 */
public final class MeteredSignIn implements SignInUseCase {

    private final SignInUseCase signIn;
    private final Outcomes outcomes;

    static final List<String> OUTCOMES = List.of("success", "invalid_credentials", "throttled", "shed");

    public MeteredSignIn(SignInUseCase signIn, MeterRegistry registry) {
        this.signIn = signIn;
        this.outcomes = counter(registry);
    }

    static Outcomes counter(MeterRegistry registry) {
        return new Outcomes(registry, "gatehouse.sign_ins", "Password sign-ins by client and outcome");
    }

    @Override
    public SignInResult signIn(SignInCommand command) {
        String client = command.client().value();
        SignInResult result;
        try {
            result = signIn.signIn(command);
        } catch (HashingCapacityExceededException shed) {
            outcomes.count("client", client, "outcome", "shed");
            throw shed;
        }
        outcomes.count("client", client, "outcome", outcome(result));
        return result;
    }

    private static String outcome(SignInResult result) {
        if (result instanceof SignInResult.SignedIn) {
            return "success";
        }
        if (result instanceof SignInResult.InvalidCredentials) {
            return "invalid_credentials";
        }
        if (result instanceof SignInResult.Throttled) {
            return "throttled";
        }
        throw new IllegalStateException("unknown sign-in result " + result);
    }
}
