package dev.gatehouse.domain.user;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An account's email address in canonical form: trimmed and lower-cased.
 *
 * <p>Only ASCII addresses are accepted, so that Unicode look-alikes (Cyrillic {@code а}, the Kelvin
 * sign that lower-cases to {@code k}, full-width letters) can neither collide with nor impersonate an
 * existing account. Two addresses are the same account exactly when their canonical forms are equal.
 */
public record EmailAddress(String value) {

    /** RFC 5321 §4.5.3.1.3: a path is at most 256 octets, so an address at most 254. */
    public static final int MAX_LENGTH = 254;

    private static final Pattern SYNTAX = Pattern.compile(
            "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    public EmailAddress {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("email", "must not be blank");
        }
        if (value.length() > MAX_LENGTH || value.indexOf('@') > 64 || !SYNTAX.matcher(value).matches()) {
            throw invalid();
        }
    }

    /** Parses user input: trims, accepts printable ASCII only, lower-cases and validates. */
    public static EmailAddress of(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("email", "must not be blank");
        }
        String trimmed = raw.strip();
        if (trimmed.length() > MAX_LENGTH || !trimmed.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw invalid();
        }
        return new EmailAddress(trimmed.toLowerCase(Locale.ROOT));
    }

    private static InvalidValueException invalid() {
        return new InvalidValueException("email", "must be a valid email address");
    }

    @Override
    public String toString() {
        return value;
    }
}
