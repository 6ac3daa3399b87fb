package dev.gatehouse.application.service.lifecycle;

import dev.gatehouse.application.port.in.Caller;
import dev.gatehouse.application.port.in.lifecycle.PasswordCheckResult;
import dev.gatehouse.application.port.out.PasswordHasher;
import dev.gatehouse.application.service.SignInThrottle;
import dev.gatehouse.domain.user.InvalidValueException;
import dev.gatehouse.domain.user.Password;
import dev.gatehouse.domain.user.UserAccount;
import java.time.Instant;

/**
 * Checks the current password of a signed-in caller before a sensitive change, throttled exactly like
 * sign-in, before hashing: the same per-account run, budget and lock, so a stolen access token does not
 * open a second door for guessing the password.
 */
public final class PasswordCheck {

    private final PasswordHasher hasher;
    private final SignInThrottle throttle;

    public PasswordCheck(PasswordHasher hasher, SignInThrottle throttle) {
        this.hasher = hasher;
        this.throttle = throttle;
    }

    /**
     * {@code Done} when {@code presented} is the account's password; else the refusal, counted as a failed sign-in
     * of the caller's address (in its event, as a sign-in's).
     */
    PasswordCheckResult check(UserAccount account, String presented, Caller caller, Instant now) {
        SignInThrottle.Admission admission = throttle.admitAccount(account.email(), caller.clientAddress(), now);
        if (admission instanceof SignInThrottle.Refused refused) {
            return new PasswordCheckResult.Throttled(refused.throttle().retryAfter());
        }
        var attempt = (SignInThrottle.Attempt) admission;
        if (!matches(account, presented)) {
            throttle.recordFailure(attempt, account.id(), "wrong_current_password");
            return new PasswordCheckResult.WrongPassword();
        }
        throttle.recordSuccess(attempt);
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
