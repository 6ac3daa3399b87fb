package dev.gatehouse.application.port.in;

/**
 * Accepts a bearer access token (RFC 6750) for this service's own protected endpoints: the token must
 * verify and its session ({@code sid}) must still be live, so sign-out takes effect at once here.
 */
public interface AuthenticateUseCase {

    Authentication authenticate(String accessToken);

    sealed interface Authentication {
        record Authenticated(Caller caller) implements Authentication {
        }

        /** @param reason for the log only */
        record Unauthenticated(String reason) implements Authentication {
        }
    }
}
