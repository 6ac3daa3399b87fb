package dev.gatehouse.domain.user;

/**
 * A value from outside broke one of the domain's input rules. The message is safe to show to the
 * caller: it never echoes the offending input.
 */
public final class InvalidValueException extends IllegalArgumentException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The name of the input field the rule belongs to, e.g. {@code email}. */
    public String field() {
        return field;
    }
}
