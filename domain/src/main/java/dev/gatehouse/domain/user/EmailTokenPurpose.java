package dev.gatehouse.domain.user;

/** What an e-mail token may be used for; a token of one purpose is worthless for the other. */
public enum EmailTokenPurpose {
    /** Proves that the account's owner reads mail at its address. */
    EMAIL_VERIFICATION,
    /** Lets the owner choose a new password without knowing the old one. */
    PASSWORD_RESET
}
