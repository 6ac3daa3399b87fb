package dev.gatehouse.application.port.in.lifecycle;

import dev.gatehouse.application.port.in.Caller;

/** Changes the caller's password given the current one; every other session of the account ends. */
public interface ChangePasswordUseCase {

    PasswordCheckResult change(Caller caller, String currentPassword, String newPassword);
}
