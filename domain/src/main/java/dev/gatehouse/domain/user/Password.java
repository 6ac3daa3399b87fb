package dev.gatehouse.domain.user;

import java.text.Normalizer;

/**
 * A plain-text password on its way to the hasher: NFKC-normalised (so the same password typed on
 * different keyboards matches), never trimmed or case-folded, 8 to 256 characters (code points) after
 * normalisation. Its {@code toString} never reveals it.
 */
public final class Password {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 256;
    /** Longer raw input is refused before normalising, so normalisation itself cannot be abused. */
    private static final int MAX_RAW_LENGTH = 4 * MAX_LENGTH;

    private final String normalized;

    private Password(String normalized) {
        this.normalized = normalized;
    }

    /**
     * Normalises and checks a password chosen by the user.
     *
     * @throws InvalidValueException when blank, too short or too long
     */
    public static Password of(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidValueException("password", "must not be blank");
        }
        if (raw.length() > MAX_RAW_LENGTH) {
            throw tooLong();
        }
        String normalized = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        int length = normalized.codePointCount(0, normalized.length());
        if (length < MIN_LENGTH) {
            throw new InvalidValueException("password", "must be at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw tooLong();
        }
        return new Password(normalized);
    }

    private static InvalidValueException tooLong() {
        return new InvalidValueException("password", "must be at most " + MAX_LENGTH + " characters");
    }

    /** The normalised password, for the hasher only. */
    public String reveal() {
        return normalized;
    }

    @Override
    public String toString() {
        return "Password[redacted]";
    }
}
