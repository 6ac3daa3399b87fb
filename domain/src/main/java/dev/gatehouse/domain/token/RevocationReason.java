package dev.gatehouse.domain.token;

/**
 * Why a session ended. {@link #code()} is the stable name of the API ({@code endReason} of
 * {@code GET /auth/sessions?state=ended}). The two expiry reasons are never stored: they follow from the
 * family's instants (see {@link RefreshTokenFamily#endAt}); every other reason is a revocation.
 */
public enum RevocationReason {
    /** The user signed out of this session. */
    SIGNED_OUT("signed_out"),
    /** The user signed out of every session. */
    SIGNED_OUT_EVERYWHERE("signed_out_everywhere"),
    /** The user ended this session from the sessions list. */
    SESSION_DELETED("revoked"),
    /** A client revoked the token (RFC 7009). */
    TOKEN_REVOKED("revoked"),
    /** A spent refresh token was presented again: the family is presumed stolen (RFC 9700 §4.14.2). */
    REUSE_DETECTED("reuse_detected"),
    /** The session was not refreshed within the idle lifetime. */
    EXPIRED_IDLE("expired_idle"),
    /** The session reached its absolute lifetime. */
    EXPIRED_ABSOLUTE("expired_absolute"),
    /** The user changed the password in another session (this one was not the caller's). */
    PASSWORD_CHANGED("password_changed"),
    /** The password was reset by e-mail: every session of the user ends. */
    PASSWORD_RESET("password_reset"),
    /** An administrator disabled the account. */
    ACCOUNT_DISABLED("account_disabled"),
    /** An administrator ended the session. */
    ADMIN("admin");

    private final String code;

    RevocationReason(String code) {
        this.code = code;
    }

    /** The name of the reason in the API. */
    public String code() {
        return code;
    }

    /** Whether this is an expiry, which follows from the instants and is never stored as a revocation. */
    public boolean isExpiry() {
        return this == EXPIRED_IDLE || this == EXPIRED_ABSOLUTE;
    }
}
