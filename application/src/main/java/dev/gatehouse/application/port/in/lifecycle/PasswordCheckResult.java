package dev.gatehouse.application.port.in.lifecycle;

import dev.gatehouse.application.port.in.FieldViolation;
import java.time.Duration;
import java.util.List;

/** What an operation that needs the caller's current password did. */
public sealed interface PasswordCheckResult {

    /** The password matched and the operation is done. */
    record Done() implements PasswordCheckResult {
    }

    /** The password did not match; counted like a failed sign-in of the account. */
    record WrongPassword() implements PasswordCheckResult {
    }

    /** The account is locked after too many failures (as for sign-in); the password was not checked. */
    record Throttled(Duration retryAfter) implements PasswordCheckResult {
    }

    /** Other input broke a rule (e.g. the new password is too short); nothing was checked or changed. */
    record Rejected(List<FieldViolation> violations) implements PasswordCheckResult {
    }
}
