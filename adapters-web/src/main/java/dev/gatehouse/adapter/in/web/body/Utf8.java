package dev.gatehouse.adapter.in.web.body;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 (RFC 3629): malformed sequences, overlong forms and encoded surrogates (e.g. {@code ED A0 80})
 * are refused instead of being replaced by U+FFFD, so that two different byte strings never read as the same
 * text (a password made of replacement characters would match any other such password).
 */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * {@code bytes} as text; {@link MalformedBodyException} unless they are well-formed UTF-8. Bytes that are all
     * ASCII (every request body of the token endpoint) are copied without a decoder: ASCII is UTF-8 as it is.
     */
    public static String decode(byte[] bytes) {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new MalformedBodyException("The body is not valid UTF-8.");
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} has no unpaired surrogate, i.e. whether UTF-8 can carry it at all. */
    static boolean isWellFormed(CharSequence text) {
        return StandardCharsets.UTF_8.newEncoder().canEncode(text);
    }
}
