package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.SignInUseCase.SignInResult.Throttled;
import dev.gatehouse.application.port.out.EmailPseudonyms;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.application.port.out.SignInAttempts;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.throttle.AdmissionRule;
import dev.gatehouse.domain.throttle.AttemptCount;
import dev.gatehouse.domain.throttle.SignInThrottlePolicy;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.EmailPseudonym;
import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Sign-in throttling: the per-address limit, then the {@link SignInThrottlePolicy} of the account, both
 * counted before the password is hashed. Writes one event per failed guess and one per lock, none per
 * refused request beyond the first of an address window. The account steps are public: every check of an
 * account's password (sign-in, password change, account deletion) counts against the same run and lock.
 */
public final class SignInThrottle {

    private final AddressThrottle addresses;
    private final SignInAttempts attempts;
    private final SignInThrottlePolicy policy;
    private final EmailPseudonyms pseudonyms;
    private final SecurityEvents events;

    public SignInThrottle(AddressThrottle addresses, SignInAttempts attempts, SignInThrottlePolicy policy,
            EmailPseudonyms pseudonyms, SecurityEvents events) {
        this.addresses = addresses;
        this.attempts = attempts;
        this.policy = policy;
        this.pseudonyms = pseudonyms;
        this.events = events;
    }

    /** Counts the request against its address; a throttle when the address is over its limit. */
    public Optional<Throttled> admitAddress(String clientAddress, Instant now) {
        return addresses.admit(clientAddress, now).map(Throttled::new);
    }

    /** Counts the attempt against its account, before any hashing: the attempt to settle later, or a throttle. */
    public Admission admitAccount(EmailAddress email, String clientAddress, Instant now) {
        EmailPseudonym account = pseudonyms.of(email);
        AdmissionRule rule = policy.admissionAt(now);
        AttemptCount count = attempts.countAttempt(account, rule);
        if (count instanceof AttemptCount.Counted counted) {
            return new Attempt(account, clientAddress, rule, counted);
        }
        return new Refused(new Throttled(policy.retryAfter((AttemptCount.Refused) count, now)));
    }

    /** Records a wrong password or unknown account (a locking attempt set its back-off when it was counted). */
    public void recordFailure(Attempt attempt, UserId user, String reason) {
        events.record(attempt.event(SecurityEventType.SIGN_IN_FAILED, user, reason));
        if (policy.locks(attempt.count().inRun())) {
            events.record(attempt.event(SecurityEventType.SIGN_IN_THROTTLED, user, "account_locked"));
        } else if (attempt.count().inWindow() >= policy.failuresPerAccountPerMinute()) {
            events.record(attempt.event(SecurityEventType.SIGN_IN_THROTTLED, user, "account_budget_spent"));
        }
    }

    public void recordSuccess(Attempt attempt) {
        attempts.recordSuccess(attempt.account(), attempt.rule().budgetWindowStart());
    }

    /**
     * Ends the account's run, lock and budget once its owner proved control of the address and chose a new
     * password (a reset link): guesses at the old password no longer keep the owner out.
     */
    public void lift(EmailAddress email) {
        attempts.forget(pseudonyms.of(email));
    }

    /** The outcome of counting an attempt against its account. */
    public sealed interface Admission permits Attempt, Refused {
    }

    /** A counted attempt whose password may now be checked. */
    public record Attempt(EmailPseudonym account, String clientAddress, AdmissionRule rule, AttemptCount.Counted count)
            implements Admission {

        SecurityEvent event(SecurityEventType type, UserId user, String detail) {
            return new SecurityEvent(type, rule.at(), user, null, null, detail, clientAddress, account);
        }
    }

    /** The account is locked or out of budget: the same answer for every password. */
    public record Refused(Throttled throttle) implements Admission {
    }
}
