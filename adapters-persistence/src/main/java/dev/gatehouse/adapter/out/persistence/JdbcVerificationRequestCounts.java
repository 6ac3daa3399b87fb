package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.VerificationRequestCounts;
import dev.gatehouse.domain.user.UserId;
import jakarta.inject.Singleton;
import java.time.Instant;

/** Verification-request counters in table {@code email_verification_window}, by account; each count is one atomic upsert. */
@Singleton
final class JdbcVerificationRequestCounts implements VerificationRequestCounts {

    private final WindowCounter counter;

    JdbcVerificationRequestCounts(Jdbc jdbc) {
        this.counter = new WindowCounter(jdbc, "email_verification_window", "user_id");
    }

    @Override
    public int count(UserId user, Instant windowStart) {
        return counter.count(user.value(), windowStart);
    }
}
