package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.token.ClientId;
import java.time.Duration;

/** Checks a password and starts a session (RFC 6749 §4.3, resource owner password credentials). */
public interface SignInUseCase {

    SignInResult signIn(SignInCommand command);

    /** @param clientAddress the caller's network address, for per-address throttling */
    record SignInCommand(String username, String password, ClientId client, String userAgent, String clientAddress) {
        @Override
        public String toString() {
            return "SignInCommand[client=" + client + ", input redacted]";
        }
    }

    sealed interface SignInResult {
        record SignedIn(IssuedTokens tokens) implements SignInResult {
        }

        /** Unknown email, wrong password or unusable input: one answer for all, so accounts cannot be enumerated. */
        record InvalidCredentials() implements SignInResult {
        }

        /** Too many attempts for the account or from the address; the same for right and wrong passwords. */
        record Throttled(Duration retryAfter) implements SignInResult {
        }
    }
}
