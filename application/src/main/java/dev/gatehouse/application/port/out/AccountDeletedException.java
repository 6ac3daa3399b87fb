package dev.gatehouse.application.port.out;

/**
 * A row that belongs to an account (a session, an e-mail link, a request counter) could not be stored because
 * the account was deleted meanwhile: a race with {@code DELETE /auth/me} or an administrator's deletion. Use cases
 * answer as they would for an account that is gone, never as for a store that is down.
 */
public final class AccountDeletedException extends RuntimeException {

    public AccountDeletedException() {
        super("the account was deleted meanwhile", null, false, false);
    }
}
