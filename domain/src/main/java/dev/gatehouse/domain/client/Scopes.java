package dev.gatehouse.domain.client;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A set of OAuth scope tokens (RFC 6749 §3.3: each {@code 1*( %x21 / %x23-5B / %x5D-7E )}), in the order
 * first given, without duplicates; written space-delimited, as in the {@code scope} parameter and the
 * {@code scope} claim of access tokens (RFC 9068 §2.2.3, RFC 8693 §4.2).
 */
public record Scopes(Set<String> values) {

    /** The scope of the {@code /admin} API. */
    public static final String ADMIN = "admin";

    private static final Pattern TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    /** @throws IllegalArgumentException for a token that breaks the syntax; the message does not echo it */
    public Scopes {
        for (String value : values) {
            if (value == null || !TOKEN.matcher(value).matches()) {
                throw new IllegalArgumentException("a scope is 1 or more printable ASCII characters other than space, \" and \\");
            }
        }
        values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    public static Scopes of(Collection<String> values) {
        return new Scopes(new LinkedHashSet<>(values));
    }

    /** The scopes of a space-delimited {@code scope} value; empty when it breaks the RFC 6749 §3.3 syntax. */
    public static Optional<Scopes> parse(String spaceDelimited) {
        if (spaceDelimited == null || spaceDelimited.isEmpty()) {
            return Optional.empty();
        }
        List<String> tokens = List.of(spaceDelimited.split(" ", -1));
        if (!tokens.stream().allMatch(token -> TOKEN.matcher(token).matches())) {
            return Optional.empty();
        }
        return Optional.of(of(tokens));
    }

    public boolean contains(String scope) {
        return values.contains(scope);
    }

    public boolean containsAll(Scopes other) {
        return values.containsAll(other.values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Space-delimited, as in the {@code scope} parameter and claim. */
    @Override
    public String toString() {
        return String.join(" ", values);
    }
}
