package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.SignInUseCase.SignInResult.Throttled;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.application.port.out.SignInAttempts;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.throttle.SignInThrottlePolicy;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Applies the {@link SignInThrottlePolicy} to the shared {@link SignInAttempts} counters. */
public final class SignInThrottle {

    private final SignInAttempts attempts;
    private final SignInThrottlePolicy policy;
    private final SecurityEvents events;

    public SignInThrottle(SignInAttempts attempts, SignInThrottlePolicy policy, SecurityEvents events) {
        this.attempts = attempts;
        this.policy = policy;
        this.events = events;
    }

    /** Counts the request against its address; a throttle when the address is over its limit. */
    Optional<Throttled> admitAddress(String clientAddress, Instant now) {
        int requests = attempts.countRequest(clientAddress, policy.ipWindowStart(now));
        if (!policy.ipLimitExceeded(requests)) {
            return Optional.empty();
        }
        return Optional.of(throttled(policy.ipRetryAfter(now), now, null, "address_limit"));
    }

    /** A throttle while the account is locked, whatever the password. */
    Optional<Throttled> admitAccount(EmailAddress email, Instant now) {
        return attempts.lockedUntil(email)
                .filter(now::isBefore)
                .map(until -> throttled(Duration.between(now, until), now, null, "account_locked"));
    }

    /** Records a failure and locks the account once the run is long enough. */
    void recordFailure(EmailAddress email, UserId user, Instant now, String reason) {
        int failures = attempts.recordFailure(email, now);
        Duration lock = policy.lockAfter(failures);
        if (!lock.isZero()) {
            attempts.lock(email, now.plus(lock));
        }
        events.record(new SecurityEvent(SecurityEventType.SIGN_IN_FAILED, now, user, null, null, reason));
    }

    void recordSuccess(EmailAddress email) {
        attempts.clearFailures(email);
    }

    private Throttled throttled(Duration retryAfter, Instant now, UserId user, String reason) {
        events.record(new SecurityEvent(SecurityEventType.SIGN_IN_THROTTLED, now, user, null, null, reason));
        Duration atLeastOneSecond = retryAfter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryAfter;
        return new Throttled(atLeastOneSecond);
    }
}
