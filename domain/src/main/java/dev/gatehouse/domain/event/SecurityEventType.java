package dev.gatehouse.domain.event;

/** The kinds of {@link SecurityEvent}; {@link #code()} is the stable name stored and logged. */
public enum SecurityEventType {
    ACCOUNT_REGISTERED("account_registered"),
    SIGN_IN_SUCCEEDED("sign_in_succeeded"),
    SIGN_IN_FAILED("sign_in_failed"),
    SIGN_IN_THROTTLED("sign_in_throttled"),
    REGISTRATION_THROTTLED("registration_throttled"),
    PASSWORD_HASH_UPGRADED("password_hash_upgraded"),
    REFRESH_TOKEN_REUSE("refresh_token_reuse"),
    SESSION_REVOKED("session_revoked"),
    EMAIL_VERIFIED("email_verified"),
    EMAIL_VERIFICATION_THROTTLED("email_verification_throttled"),
    PASSWORD_RESET_REQUESTED("password_reset_requested"),
    PASSWORD_RESET_THROTTLED("password_reset_throttled"),
    PASSWORD_RESET("password_reset"),
    PASSWORD_CHANGED("password_changed"),
    ACCOUNT_DELETED("account_deleted"),
    CLIENT_TOKEN_ISSUED("client_token_issued"),
    CLIENT_AUTHENTICATION_FAILED("client_authentication_failed"),
    SCOPE_DENIED("scope_denied"),
    ADMIN_USERS_SEARCHED("admin_users_searched"),
    ADMIN_USER_VIEWED("admin_user_viewed"),
    ACCOUNT_DISABLED("account_disabled"),
    ACCOUNT_ENABLED("account_enabled"),
    ADMIN_SESSIONS_ENDED("admin_sessions_ended");

    private final String code;

    SecurityEventType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
