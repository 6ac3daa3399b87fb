package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.user.UserAccount;
import java.time.Duration;
import java.util.List;

/** Creates an account and signs it in (starts its first session). */
public interface RegisterUseCase {

    RegisterResult register(RegisterCommand command);

    /**
     * Raw input as received; the use case validates it.
     *
     * @param clientAddress the caller's network address, for per-address throttling
     */
    record RegisterCommand(String email, String password, String name, ClientId client, String userAgent, String clientAddress) {
        @Override
        public String toString() {
            return "RegisterCommand[client=" + client + ", input redacted]";
        }
    }

    sealed interface RegisterResult {
        record Registered(UserAccount account, IssuedTokens tokens) implements RegisterResult {
        }

        record Rejected(List<FieldViolation> violations) implements RegisterResult {
        }

        record EmailTaken() implements RegisterResult {
        }

        /** Too many registrations from the caller's network; nothing was validated or stored. */
        record Throttled(Duration retryAfter) implements RegisterResult {
        }
    }
}
