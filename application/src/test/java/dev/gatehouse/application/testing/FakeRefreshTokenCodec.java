package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.RefreshTokenCodec;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.token.RefreshToken;
import java.util.UUID;

/** {@code rt.<family>.<generation>.<checksum>}: deterministic, and altered strings fail the checksum. */
public final class FakeRefreshTokenCodec implements RefreshTokenCodec {

    @Override
    public String encode(RefreshToken token) {
        String payload = token.familyId().value() + "." + token.generation();
        return "rt." + payload + "." + Integer.toHexString(("secret" + payload).hashCode());
    }

    @Override
    public RefreshTokenCheck check(String presented) {
        try {
            String[] parts = presented.split("\\.");
            var token = new RefreshToken(new FamilyId(UUID.fromString(parts[1])), Long.parseLong(parts[2]));
            return parts.length == 4 && encode(token).equals(presented)
                    ? new RefreshTokenCheck.Authentic(token) : new RefreshTokenCheck.NotAuthentic();
        } catch (RuntimeException malformed) {
            return new RefreshTokenCheck.NotAuthentic();
        }
    }
}
