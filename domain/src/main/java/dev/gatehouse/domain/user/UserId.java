package dev.gatehouse.domain.user;

import java.util.Objects;
import java.util.UUID;

/** Identifies a {@link UserAccount}; travels as the {@code sub} claim of access tokens. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
