package dev.gatehouse.domain.token;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a {@link RefreshTokenFamily}, i.e. a session. It is public: it travels as the {@code sid}
 * claim of access tokens and as the session id of the sessions API.
 */
public record FamilyId(UUID value) {

    public FamilyId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
