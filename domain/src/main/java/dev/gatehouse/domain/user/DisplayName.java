package dev.gatehouse.domain.user;

/** How the user wants to be called: not blank, at most 200 characters, stored as given but trimmed. */
public record DisplayName(String value) {

    public static final int MAX_LENGTH = 200;

    public DisplayName {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("name", "must not be blank");
        }
        value = value.strip();
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidValueException("name", "must be at most " + MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw new InvalidValueException("name", "must not contain control characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
