package dev.gatehouse.adapter.in.web.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gatehouse.domain.token.RefreshTokenFamily;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A live session as listed: to its owner ({@code GET /auth/sessions}) and to administrators. Every member is
 * always present: {@code userAgent} is {@code ""} for a sign-in that sent none (API.md lists it on every item).
 */
@Serdeable
public record SessionView(String id, String clientId, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
        @JsonInclude(JsonInclude.Include.ALWAYS) String userAgent, boolean current) {

    /** {@code family} as a session; {@code current} when it is the caller's own. */
    public static SessionView of(RefreshTokenFamily family, boolean current) {
        return new SessionView(family.id().toString(), family.clientId().value(), family.createdAt(), family.rotatedAt(),
                family.expiresAt(), family.userAgent(), current);
    }
}
