package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.user.UserId;

/** Ends sessions: one by its refresh token or access token, or all of a user's. */
public interface SignOutUseCase {

    /** Revokes the session the refresh token belongs to (whatever its generation). */
    SignOutResult signOut(String refreshToken);

    /** Revokes the caller's own session. */
    void signOut(Caller caller);

    /** Revokes every session of the user. */
    void signOutEverywhere(UserId user);

    sealed interface SignOutResult {
        record SignedOut() implements SignOutResult {
        }

        record NotAuthentic() implements SignOutResult {
        }
    }
}
