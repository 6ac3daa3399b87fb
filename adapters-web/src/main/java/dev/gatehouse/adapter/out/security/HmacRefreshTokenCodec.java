package dev.gatehouse.adapter.out.security;

import dev.gatehouse.application.port.out.RefreshTokenCodec;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.token.RefreshToken;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh tokens of the form {@code <family id>.<generation>.<key id>.<proof>} where
 * {@code proof = base64url(HMAC-SHA256(secret of key id, "gatehouse-rt-v2:" + key id + ":" + family id + ":" + generation))};
 * under the single secret without id ({@code gatehouse.keys.refresh-secret}) the earlier releases' form
 * {@code <family id>.<generation>.<proof>} with {@code proof = base64url(HMAC-SHA256(secret, "gatehouse-rt-v1:" +
 * family id + ":" + generation))}, which tokens of those releases keep.
 *
 * <p>256 bits of proof nobody can compute without a server-side secret, so the database (which stores only
 * family id and generation) never suffices to recompute a live token, and a forged or altered token is
 * refused before any database access. Deterministic: a family at generation g always gets the same string
 * under the same newest secret (a grace replay recomputes the successor the first rotation handed out).
 * One spelling per token: lowercase UUID, decimal generation without leading zeros, the key id as
 * configured, canonical base64url proof ({@link CanonicalBase64Url}); any other string is not authentic.
 */
final class HmacRefreshTokenCodec implements RefreshTokenCodec {

    /** Longest string worth parsing: 36 + 1 + 18 + 1 + 16 + 1 + 43. */
    private static final int MAX_LENGTH = 116;
    private final RefreshSecretRing secrets;

    HmacRefreshTokenCodec(RefreshSecretRing secrets) {
        this.secrets = secrets;
    }

    /** Under the newest secret. */
    @Override
    public String encode(RefreshToken token) {
        RefreshSecret newest = secrets.newest();
        String payload = token.familyId().value() + "." + token.generation();
        return newest.id()
                .map(id -> payload + "." + id + "." + CanonicalBase64Url.encode(newest.proof(identifiedInput(id, token))))
                .orElseGet(() -> payload + "." + CanonicalBase64Url.encode(newest.proof(unidentifiedInput(token))));
    }

    @Override
    public RefreshTokenCheck check(String presented) {
        if (presented == null || presented.length() > MAX_LENGTH) {
            return new RefreshTokenCheck.NotAuthentic();
        }
        Optional<RefreshTokenSpelling> parts = RefreshTokenSpelling.of(presented);
        Optional<byte[]> claimed = parts.flatMap(spelling -> CanonicalBase64Url.decode(spelling.proof()));
        if (claimed.isEmpty()) {
            return new RefreshTokenCheck.NotAuthentic();
        }
        var token = new RefreshToken(new FamilyId(UUID.fromString(parts.get().familyId())), Long.parseLong(parts.get().generation()));
        String keyId = parts.get().keyId();
        boolean authentic = keyId == null
                ? secrets.all().stream().anyMatch(secret -> MessageDigest.isEqual(secret.proof(unidentifiedInput(token)), claimed.get()))
                : secrets.withId(keyId).filter(secret -> MessageDigest.isEqual(secret.proof(identifiedInput(keyId, token)), claimed.get()))
                        .isPresent();
        return authentic ? new RefreshTokenCheck.Authentic(token) : new RefreshTokenCheck.NotAuthentic();
    }

    private static String unidentifiedInput(RefreshToken token) {
        return "gatehouse-rt-v1:" + token.familyId().value() + ":" + token.generation();
    }

    private static String identifiedInput(String keyId, RefreshToken token) {
        return "gatehouse-rt-v2:" + keyId + ":" + token.familyId().value() + ":" + token.generation();
    }
}
