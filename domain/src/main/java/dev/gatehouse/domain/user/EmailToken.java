package dev.gatehouse.domain.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A single-use token sent by e-mail, bound to one account and one purpose, valid until {@code expiresAt}
 * (exclusive). Only its {@link TokenHash} is kept; the token itself travels once, in the e-mail.
 */
public record EmailToken(TokenHash hash, UserId user, EmailTokenPurpose purpose, Instant createdAt, Instant expiresAt) {

    public EmailToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(purpose, "purpose");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("an e-mail token must expire after it was created");
        }
    }

    /** A token for {@code purpose} issued at {@code now}, living as the policy says. */
    public static EmailToken issue(TokenHash hash, UserId user, EmailTokenPurpose purpose, Instant now, EmailTokenPolicy policy) {
        return new EmailToken(hash, user, purpose, now, now.plus(policy.ttlOf(purpose)));
    }

    /** How long the token is valid from its creation. */
    public Duration lifetime() {
        return Duration.between(createdAt, expiresAt);
    }
}
