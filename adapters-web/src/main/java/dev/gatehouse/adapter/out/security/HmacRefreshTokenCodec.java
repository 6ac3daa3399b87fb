package dev.gatehouse.adapter.out.security;

import dev.gatehouse.application.port.out.RefreshTokenCodec;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.token.RefreshToken;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Refresh tokens of the form {@code <family id>.<generation>.<proof>} where
 * {@code proof = base64url(HMAC-SHA256(secret, "gatehouse-rt-v1:" + family id + ":" + generation))}:
 * 256 bits that nobody can compute without the server-side secret, so the database (which stores only
 * family id and generation) never suffices to recompute a live token, and a forged or altered token is
 * refused before any database access. Deterministic: a family at generation g always has the same token.
 */
final class HmacRefreshTokenCodec implements RefreshTokenCodec {

    /** Longest string worth parsing: 36 + 1 + 19 + 1 + 43. */
    private static final int MAX_LENGTH = 100;
    private static final Pattern FORMAT = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.(0|[1-9][0-9]{0,17})\\.([A-Za-z0-9_-]{43})");
    private static final String CONTEXT = "gatehouse-rt-v1:";

    private final SecretKeySpec secret;
    private final ThreadLocal<Mac> macs;

    HmacRefreshTokenCodec(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the refresh-token secret must have at least 32 bytes");
        }
        this.secret = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    @Override
    public String encode(RefreshToken token) {
        String payload = token.familyId().value() + "." + token.generation();
        return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(proof(token));
    }

    @Override
    public RefreshTokenCheck check(String presented) {
        if (presented == null || presented.length() > MAX_LENGTH) {
            return new RefreshTokenCheck.NotAuthentic();
        }
        Matcher parts = FORMAT.matcher(presented);
        if (!parts.matches()) {
            return new RefreshTokenCheck.NotAuthentic();
        }
        var token = new RefreshToken(new FamilyId(UUID.fromString(parts.group(1))), Long.parseLong(parts.group(2)));
        byte[] claimed = Base64.getUrlDecoder().decode(parts.group(3));
        return MessageDigest.isEqual(proof(token), claimed)
                ? new RefreshTokenCheck.Authentic(token)
                : new RefreshTokenCheck.NotAuthentic();
    }

    private byte[] proof(RefreshToken token) {
        Mac mac = macs.get();
        return mac.doFinal((CONTEXT + token.familyId().value() + ":" + token.generation()).getBytes(StandardCharsets.US_ASCII));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
