package dev.gatehouse.domain.event;

import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * Something security-relevant happened; kept for audit and alerting. Never holds a password or a token.
 *
 * @param user    the account concerned, or {@code null} when there is none (unknown email)
 * @param session the session concerned, or {@code null}
 * @param client  the client concerned, or {@code null}
 * @param detail  a short machine-readable reason (e.g. {@code unknown_account}), or empty
 */
public record SecurityEvent(SecurityEventType type, Instant at, UserId user, FamilyId session, ClientId client, String detail) {

    public SecurityEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
    }
}
