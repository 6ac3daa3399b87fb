package dev.gatehouse.application.port.in.lifecycle;

import dev.gatehouse.application.port.in.Caller;

/**
 * Deletes the caller's account given its password: the account, its sessions, its e-mail tokens and its
 * throttling counters go; security events keep the bare user id. The address can register again.
 */
public interface DeleteAccountUseCase {

    PasswordCheckResult delete(Caller caller, String password);
}
