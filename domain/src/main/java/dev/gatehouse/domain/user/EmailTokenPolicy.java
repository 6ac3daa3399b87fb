package dev.gatehouse.domain.user;

import java.time.Duration;
import java.util.Objects;

/**
 * How long e-mail tokens live (API contract: verification 24 hours, reset 30 minutes by default). A
 * reset link is a password: it lives at most a day.
 */
public record EmailTokenPolicy(Duration verificationTtl, Duration resetTtl) {

    public static final Duration LONGEST_RESET_TTL = Duration.ofDays(1);

    public EmailTokenPolicy {
        Objects.requireNonNull(verificationTtl, "verificationTtl");
        Objects.requireNonNull(resetTtl, "resetTtl");
        if (verificationTtl.isNegative() || verificationTtl.isZero()) {
            throw new IllegalArgumentException("verificationTtl must be positive");
        }
        if (resetTtl.isNegative() || resetTtl.isZero() || resetTtl.compareTo(LONGEST_RESET_TTL) > 0) {
            throw new IllegalArgumentException("resetTtl must be positive and at most one day");
        }
    }

    /** 24 hours for verification, {@code resetTtl} for resets. */
    public static EmailTokenPolicy withResetTtl(Duration resetTtl) {
        return new EmailTokenPolicy(Duration.ofHours(24), resetTtl);
    }

    public Duration ttlOf(EmailTokenPurpose purpose) {
        return purpose == EmailTokenPurpose.EMAIL_VERIFICATION ? verificationTtl : resetTtl;
    }
}
