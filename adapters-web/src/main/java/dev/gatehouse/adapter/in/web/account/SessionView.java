package dev.gatehouse.adapter.in.web.account;

import dev.gatehouse.domain.token.RefreshTokenFamily;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A live session as listed: to its owner ({@code GET /auth/sessions}) and to administrators. */
@Serdeable
public record SessionView(String id, String clientId, Instant createdAt, Instant lastUsedAt, Instant expiresAt, String userAgent,
        boolean current) {

    /** {@code family} as a session; {@code current} when it is the caller's own. */
    public static SessionView of(RefreshTokenFamily family, boolean current) {
        return new SessionView(family.id().toString(), family.clientId().value(), family.createdAt(), family.rotatedAt(),
                family.expiresAt(), family.userAgent(), current);
    }
}
