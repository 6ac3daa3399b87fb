package dev.gatehouse.domain.user;

import java.util.Objects;

/**
 * A keyed hash of a canonical {@link EmailAddress}: equal for equal addresses under one server key, and
 * of no use to find the address without that key (pseudonymisation, GDPR art. 4(5)). Throttling and the
 * audit trail key attempted sign-ins by it, so that floods can be traced and grouped without storing
 * whose address was tried.
 *
 * @param value the hash, printable and at most 64 characters
 */
public record EmailPseudonym(String value) {

    public EmailPseudonym {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > 64) {
            throw new IllegalArgumentException("a pseudonym has 1 to 64 characters");
        }
    }
}
