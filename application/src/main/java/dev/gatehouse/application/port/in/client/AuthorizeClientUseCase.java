package dev.gatehouse.application.port.in.client;

import dev.gatehouse.domain.token.ClientId;

/**
 * Admits a bearer access token (RFC 6750) to an endpoint that needs a scope, such as {@code /admin} with
 * {@code admin}: only a service client's token carrying the scope counts, and only while the client is
 * still configured with that scope, so taking a scope away takes effect here at once.
 */
public interface AuthorizeClientUseCase {

    ClientAuthorization authorize(String accessToken, String requiredScope);

    sealed interface ClientAuthorization {
        /** The token is a service client's and carries the scope. */
        record Authorized(ClientId client) implements ClientAuthorization {
        }

        /** A valid, live token without the scope: a user's, or a service client's that lacks it (RFC 6750 §3.1 {@code insufficient_scope}). */
        record InsufficientScope() implements ClientAuthorization {
        }

        /** No valid token: malformed, forged, expired, of an ended session, of a client no longer configured. @param reason for the log only */
        record Unauthenticated(String reason) implements ClientAuthorization {
        }
    }
}
