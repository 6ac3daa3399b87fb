package dev.gatehouse.adapter.out.security;

import java.util.Base64;
import java.util.Optional;

/**
 * base64url without padding (RFC 4648 §5, as RFC 7515 §2 uses it) in its one canonical spelling. Decoders,
 * the JDK's and Nimbus's included, also accept padding, the {@code +/} alphabet or non-zero unused bits in
 * the last character (RFC 4648 §3.5), so up to 16 strings decode to the same bytes. A token is only ever
 * accepted in the spelling this service wrote, so that no variant of a real token can act as that token
 * (or as a different one: a variant of a spent refresh token must not count as its reuse).
 */
final class CanonicalBase64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private CanonicalBase64Url() {
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /**
     * The bytes {@code text} spells, if it is exactly {@code encode(bytes)}; empty for anything else:
     * padding, characters outside {@code A-Z a-z 0-9 - _} (whitespace included), an impossible length, or
     * non-zero unused bits in the last character.
     */
    static Optional<byte[]> decode(String text) {
        if (text == null || text.length() % 4 == 1 || !inAlphabet(text)) {
            return Optional.empty();
        }
        byte[] bytes = DECODER.decode(text);
        return encode(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
    }

    /** Whether {@code text} is canonical base64url; see {@link #decode}. */
    static boolean isCanonical(String text) {
        return decode(text).isPresent();
    }

    private static boolean inAlphabet(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
