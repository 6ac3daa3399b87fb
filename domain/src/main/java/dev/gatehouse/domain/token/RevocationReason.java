package dev.gatehouse.domain.token;

/** Why a session ended before it expired. */
public enum RevocationReason {
    /** The user signed out of this session. */
    SIGNED_OUT,
    /** The user signed out of every session. */
    SIGNED_OUT_EVERYWHERE,
    /** The user ended this session from the sessions list. */
    SESSION_DELETED,
    /** A client revoked the token (RFC 7009). */
    TOKEN_REVOKED,
    /** A spent refresh token was presented again: the family is presumed stolen (RFC 9700 §4.14.2). */
    REUSE_DETECTED
}
