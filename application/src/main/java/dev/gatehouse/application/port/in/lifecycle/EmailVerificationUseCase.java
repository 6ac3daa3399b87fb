package dev.gatehouse.application.port.in.lifecycle;

import dev.gatehouse.application.port.in.Caller;
import java.time.Duration;

/**
 * Proves that an account's owner reads mail at its address: a link with a single-use token (24 hours) is
 * sent there, and presenting the token marks the address verified.
 */
public interface EmailVerificationUseCase {

    /**
     * Sends the caller a new verification link (earlier links stop working); nothing when already verified.
     * Throttled per account: every request counts, sent or not.
     */
    RequestResult requestVerification(Caller caller);

    /** Spends the token and marks its account's address verified. */
    TokenResult confirm(String token);

    sealed interface RequestResult {
        /** A link is on its way, or the address is verified already. */
        record Accepted() implements RequestResult {
        }

        /** Too many requests of the account in the current window. */
        record Throttled(Duration retryAfter) implements RequestResult {
        }
    }
}
