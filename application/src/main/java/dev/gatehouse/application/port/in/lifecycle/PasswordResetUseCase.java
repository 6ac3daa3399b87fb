package dev.gatehouse.application.port.in.lifecycle;

import dev.gatehouse.application.port.in.FieldViolation;
import java.time.Duration;
import java.util.List;

/**
 * Lets an owner who forgot the password choose a new one through a link sent to the account's address
 * (OWASP Forgot Password Cheat Sheet). A request looks and takes the same for unknown addresses.
 */
public interface PasswordResetUseCase {

    /** Sends a reset link if an account has the address; throttled per address and per client address. */
    RequestResult request(String email, String clientAddress);

    /**
     * Spends the token, sets the new password and ends every session of the account.
     *
     * @param clientAddress the caller's network address, for the event
     */
    TokenResult confirm(String token, String newPassword, String clientAddress);

    sealed interface RequestResult {
        /** The same answer whether or not an account has the address. */
        record Accepted() implements RequestResult {
        }

        /** Too many requests for the address or from the client address; also the same for unknown addresses. */
        record Throttled(Duration retryAfter) implements RequestResult {
        }

        /** The input is not an e-mail address at all. */
        record Rejected(List<FieldViolation> violations) implements RequestResult {
        }
    }
}
