package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.user.AccountStatus;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.UserAccount;
import dev.gatehouse.domain.user.UserId;
import java.util.Optional;

/**
 * The stored user accounts. Email addresses are unique (canonical form).
 *
 * <p>Lock order: a transaction that changes an account and what belongs to it (its sessions, its e-mail tokens)
 * locks the account first ({@link #lock}, or a change that locks it), then the rest, so that two such
 * transactions on one account wait for each other instead of deadlocking.
 */
public interface UserAccounts {

    /**
     * Stores a new account.
     *
     * @throws EmailAlreadyRegisteredException when another account has the same email, also when it was
     *                                         added concurrently
     */
    void add(UserAccount account);

    Optional<UserAccount> findByEmail(EmailAddress email);

    Optional<UserAccount> findById(UserId id);

    /**
     * Locks the account until the end of the transaction, as {@link #changeStatus} does, without changing it: the
     * first step of a transaction that then changes what belongs to the account (see the lock order above).
     *
     * @return whether there is such an account
     */
    boolean lock(UserId id);

    /**
     * Replaces the hash of the account's password whatever it is now (a reset: the link proved the owner). Inside
     * a transaction the account is locked until the end, as by {@link #changeStatus}: a sign-in that checked the
     * old password and is storing its session meanwhile waits, and then finds the new hash.
     */
    void updatePasswordHash(UserId id, PasswordHash hash);

    /**
     * Replaces the hash only if it is still {@code expected}, atomically (a compare-and-set): of concurrent
     * changes made against one hash, exactly one succeeds, and a parameter upgrade never undoes a change. Locks
     * the account as {@link #updatePasswordHash} does.
     *
     * @return whether the hash was replaced; false when it had changed meanwhile or there is no such account
     */
    boolean replacePasswordHash(UserId id, PasswordHash expected, PasswordHash replacement);

    /** Records that the account's owner proved to read mail at its address. Idempotent. */
    void markEmailVerified(UserId id);

    /**
     * Sets the account's status; returns whether there is such an account. Inside a transaction the account
     * is locked until the end, and no session can be added for it meanwhile (a session being added holds
     * the account back until it is stored), so work done after the change in the same transaction sees
     * every session of the account.
     */
    boolean changeStatus(UserId id, AccountStatus status);

    /** Deletes the account (its e-mail address is free again); returns whether there was one. */
    boolean delete(UserId id);
}
