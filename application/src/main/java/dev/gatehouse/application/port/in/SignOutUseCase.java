package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.token.ClientId;
import java.util.function.Predicate;

/**
 * Ends sessions: one by its refresh token or access token, or all of a user's. Only a call that ends a live
 * session records a {@code session_revoked} event: repeating a sign-out writes nothing.
 */
public interface SignOutUseCase {

    /**
     * Revokes the session the refresh token belongs to (whatever its generation), if its client's sessions may
     * end by refresh token at the calling endpoint ({@code endsHere}); a session of any other client is left as it is.
     *
     * @param clientAddress the caller's network address, for the event
     */
    SignOutResult signOut(String refreshToken, Predicate<ClientId> endsHere, String clientAddress);

    /** Revokes the caller's own session. */
    void signOut(Caller caller);

    /** Revokes every session of the caller's user. */
    void signOutEverywhere(Caller caller);

    sealed interface SignOutResult {
        record SignedOut() implements SignOutResult {
        }

        record NotAuthentic() implements SignOutResult {
        }

        /**
         * The token is authentic, but its session belongs to a client whose sessions do not end this way;
         * nothing was changed.
         *
         * @param client the session's client, for the caller to say why
         */
        record OtherEndpoint(ClientId client) implements SignOutResult {
        }
    }
}
