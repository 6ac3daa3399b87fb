package dev.gatehouse.adapter.out.security;

import java.util.Optional;

/**
 * The parts of a refresh token in its one spelling, {@code <family id>.<generation>[.<key id>].<proof>}:
 * a lowercase UUID (8-4-4-4-12 hex digits), {@code 0} or a decimal of at most 18 digits without leading zero,
 * optionally a key id of 1–16 base64url characters, and 43 base64url characters of proof. Anything else has
 * no parts. Scanned by hand: the regular expression it replaces was a sixth of the codec's CPU per rotation
 * (docs/benchmarks.md, "where a rotation's CPU goes").
 *
 * @param keyId null when the token names no key (the single secret's form)
 */
record RefreshTokenSpelling(String familyId, String generation, String keyId, String proof) {

    private static final int UUID_LENGTH = 36;
    private static final int MAX_GENERATION_DIGITS = 18;
    private static final int MAX_KEY_ID_LENGTH = 16;
    private static final int PROOF_LENGTH = 43;

    /** The parts of {@code token}, or empty if it is not spelt exactly so. */
    static Optional<RefreshTokenSpelling> of(String token) {
        int afterFamily = token.indexOf('.');
        int afterGeneration = afterFamily < 0 ? -1 : token.indexOf('.', afterFamily + 1);
        if (afterFamily != UUID_LENGTH || afterGeneration < 0 || !isLowercaseUuid(token)
                || !isGeneration(token, afterFamily + 1, afterGeneration)) {
            return Optional.empty();
        }
        int afterKeyId = token.indexOf('.', afterGeneration + 1);
        String keyId = null;
        int proofStart = afterGeneration + 1;
        if (afterKeyId >= 0) {
            if (afterKeyId - proofStart > MAX_KEY_ID_LENGTH || !isBase64Url(token, proofStart, afterKeyId)) {
                return Optional.empty();
            }
            keyId = token.substring(proofStart, afterKeyId);
            proofStart = afterKeyId + 1;
        }
        if (token.length() - proofStart != PROOF_LENGTH || !isBase64Url(token, proofStart, token.length())) {
            return Optional.empty();
        }
        return Optional.of(new RefreshTokenSpelling(token.substring(0, UUID_LENGTH),
                token.substring(afterFamily + 1, afterGeneration), keyId, token.substring(proofStart)));
    }

    private static boolean isLowercaseUuid(String token) {
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = token.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-' : c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isGeneration(String token, int from, int to) {
        int length = to - from;
        if (length < 1 || length > MAX_GENERATION_DIGITS || length > 1 && token.charAt(from) == '0') {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Non-empty, and only {@code A-Z a-z 0-9 - _}. */
    private static boolean isBase64Url(String token, int from, int to) {
        if (to <= from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = token.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
