package dev.gatehouse.application.service.lifecycle;

import dev.gatehouse.application.port.in.lifecycle.PasswordCheckResult;
import dev.gatehouse.application.port.out.PasswordHasher;
import dev.gatehouse.application.service.SignInThrottle;
import dev.gatehouse.domain.user.InvalidValueException;
import dev.gatehouse.domain.user.Password;
import dev.gatehouse.domain.user.UserAccount;
import java.time.Instant;

/**
 * Checks the current password of a signed-in caller before a sensitive change, throttled exactly like
 * sign-in: the same per-account counters and lock, so a stolen access token does not open a second
 * door for guessing the password.
 */
public final class PasswordCheck {

    private final PasswordHasher hasher;
    private final SignInThrottle throttle;

    public PasswordCheck(PasswordHasher hasher, SignInThrottle throttle) {
        this.hasher = hasher;
        this.throttle = throttle;
    }

    /** {@code Done} when {@code presented} is the account's password; else the refusal, counted as a failed sign-in. */
    PasswordCheckResult check(UserAccount account, String presented, Instant now) {
        var locked = throttle.admitAccount(account.email(), now);
        if (locked.isPresent()) {
            return new PasswordCheckResult.Throttled(locked.get().retryAfter());
        }
        if (!matches(account, presented)) {
            throttle.recordFailure(account.email(), account.id(), now, "wrong_current_password");
            return new PasswordCheckResult.WrongPassword();
        }
        throttle.recordSuccess(account.email());
        return new PasswordCheckResult.Done();
    }

    private boolean matches(UserAccount account, String presented) {
        try {
            return hasher.matches(Password.of(presented), account.passwordHash());
        } catch (InvalidValueException cannotBeIt) {
            return false;
        }
    }
}
