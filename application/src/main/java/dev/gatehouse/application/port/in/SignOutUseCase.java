package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.user.UserId;
import java.util.function.Predicate;

/** Ends sessions: one by its refresh token or access token, or all of a user's. */
public interface SignOutUseCase {

    /**
     * Revokes the session the refresh token belongs to (whatever its generation), if its client's sessions may
     * end by refresh token at the calling endpoint ({@code endsHere}); a session of any other client is left as it is.
     */
    SignOutResult signOut(String refreshToken, Predicate<ClientId> endsHere);

    /** Revokes the caller's own session. */
    void signOut(Caller caller);

    /** Revokes every session of the user. */
    void signOutEverywhere(UserId user);

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
