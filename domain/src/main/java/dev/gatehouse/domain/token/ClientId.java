package dev.gatehouse.domain.token;

import java.util.Objects;

/** A configured caller of the service (a frontend or an API consumer), RFC 6749 §2.2. */
public record ClientId(String value) {

    public ClientId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
