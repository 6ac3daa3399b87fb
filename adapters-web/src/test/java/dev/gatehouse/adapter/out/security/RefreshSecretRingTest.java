package dev.gatehouse.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.port.out.RefreshTokenCodec.RefreshTokenCheck;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.token.RefreshToken;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rotating the refresh secret: a key ring, newest first; and every way to misconfigure it stops the start. */
class RefreshSecretRingTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String R1 = KeyMaterial.refreshSecret(RANDOM);
    private static final String R2 = KeyMaterial.refreshSecret(RANDOM);
    private final RefreshToken token = new RefreshToken(new FamilyId(UUID.randomUUID()), 3);

    @Test
    void a_token_under_an_old_secret_verifies_until_that_secret_is_removed() {
        String underR1 = ring("r1:" + R1).encode(token);
        assertThat(ring("r2:" + R2, "r1:" + R1).check(underR1)).isEqualTo(new RefreshTokenCheck.Authentic(token));
        assertThat(ring("r2:" + R2).check(underR1)).isInstanceOf(RefreshTokenCheck.NotAuthentic.class);
    }

    @Test
    void tokens_are_minted_under_the_newest_secret_and_the_same_on_every_instance() {
        var rotated = ring("r2:" + R2, "r1:" + R1);
        assertThat(rotated.encode(token)).contains(".3.r2.").isEqualTo(ring("r2:" + R2, "r1:" + R1).encode(token))
                .isEqualTo(ring("r2:" + R2).encode(token));
        assertThat(ring("r1:" + R1).check(rotated.encode(token))).isInstanceOf(RefreshTokenCheck.NotAuthentic.class);
    }

    /** operations.md: a rotation appends the entry {@code --generate-keys} prints; two printed on one day must form a ring. */
    @Test
    void two_generated_entries_of_one_day_form_a_ring() {
        String first = KeyMaterial.refreshSecretEntry(RANDOM);
        String second = KeyMaterial.refreshSecretEntry(RANDOM);
        String secondId = second.substring(0, second.indexOf(':'));

        assertThat(first.substring(0, first.indexOf(':'))).isNotEqualTo(secondId).startsWith(secondId.substring(0, 9));
        assertThat(ring(second, first).encode(token)).contains(".3." + secondId + ".");
    }

    @Test
    void the_key_id_is_part_of_the_proof() {
        var both = ring("r2:" + R2, "r1:" + R1);
        String underR2 = both.encode(token);
        assertThat(both.check(underR2.replace(".r2.", ".r1."))).isInstanceOf(RefreshTokenCheck.NotAuthentic.class);
        assertThat(both.check(underR2.replace(".r2.", ".R2."))).isInstanceOf(RefreshTokenCheck.NotAuthentic.class);
        assertThat(both.check(underR2.replace(".r2.", ".r3."))).isInstanceOf(RefreshTokenCheck.NotAuthentic.class);
        assertThat(both.check(underR2.replace(".r2.", "."))).as("the same token without its key id")
                .isInstanceOf(RefreshTokenCheck.NotAuthentic.class);
    }

    @Test
    void tokens_of_the_single_secret_keep_working_once_it_is_in_the_ring_under_any_id() {
        String legacy = RefreshTokenProofTest.single(Base64.getUrlDecoder().decode(R1)).encode(token);
        assertThat(ring("r2:" + R2, "old:" + R1).check(legacy)).isEqualTo(new RefreshTokenCheck.Authentic(token));
        assertThat(ring("r2:" + R2).check(legacy)).isInstanceOf(RefreshTokenCheck.NotAuthentic.class);
    }

    @Test
    void beside_a_ring_the_single_secret_keeps_minting_and_the_ring_already_verifies() {
        var both = codec(R1, List.of("r2:" + R2));
        assertThat(both.encode(token)).isEqualTo(RefreshTokenProofTest.single(Base64.getUrlDecoder().decode(R1)).encode(token));
        assertThat(both.check(ring("r2:" + R2, "r1:" + R1).encode(token))).isEqualTo(new RefreshTokenCheck.Authentic(token));
    }

    @Test
    void the_single_secret_may_be_spelled_as_earlier_releases_allowed() {
        byte[] secret = Base64.getUrlDecoder().decode(R1);
        String padded = Base64.getEncoder().encodeToString(secret);
        assertThat(codec(padded, List.of()).encode(token)).isEqualTo(RefreshTokenProofTest.single(secret).encode(token));
    }

    @Test
    void an_unusable_ring_stops_the_start_naming_the_key_and_never_the_secret() {
        String shortSecret = CanonicalBase64Url.encode(new byte[31]);
        String padded = Base64.getUrlEncoder().encodeToString(Base64.getUrlDecoder().decode(R1));
        String standard = Base64.getEncoder().withoutPadding().encodeToString(plusAndSlash());
        assertRefused(List.of("r1:" + R1, "r1:" + R2), "key id r1 appears twice");
        assertRefused(List.of("r2:" + R1, "r1:" + R1), "keys r2 and r1 have the same secret");
        assertRefused(List.of("r1:" + shortSecret), "the secret of key r1 has fewer than 32 bytes");
        assertRefused(List.of("r1:" + padded), "the secret of key r1 is not base64url");
        assertRefused(List.of("r1:" + standard), "the secret of key r1 is not base64url");
        assertRefused(List.of("r1:" + R1.substring(0, 42) + (R1.charAt(42) == 'B' ? 'C' : 'B')), "is not base64url");
        assertRefused(List.of(R1), "entry 1 is not <key id>:<base64url secret>");
        assertRefused(List.of("r.1:" + R1), "the key id of entry 1 must be 1 to 16 characters");
        assertRefused(List.of("r2:" + R2, ":" + R1), "the key id of entry 2");
        assertThatThrownBy(() -> RefreshSecretRing.fromConfiguration(R1, List.of("r2:" + R2, "r1:" + R1)))
                .hasMessage("gatehouse.keys.refresh-secret has the same secret as key r1 of gatehouse.keys.refresh-secrets: "
                        + "remove gatehouse.keys.refresh-secret");
        assertThatThrownBy(() -> RefreshSecretRing.fromConfiguration("not base64!", List.of()))
                .hasMessageContaining("gatehouse.keys.refresh-secret must be base64url");
    }

    @Test
    void nothing_configured_is_no_ring_and_empty_entries_are_ignored() {
        assertThat(RefreshSecretRing.fromConfiguration("", List.of())).isEmpty();
        assertThat(RefreshSecretRing.fromConfiguration(null, null)).isEmpty();
        assertThat(RefreshSecretRing.fromConfiguration(" ", List.of("", " "))).isEmpty();
        assertThat(RefreshSecretRing.fromConfiguration("", List.of(" r1:" + R1 + " ", "")).orElseThrow().newest().id()).hasValue("r1");
    }

    private static void assertRefused(List<String> entries, String message) {
        String secrets = String.join(",", entries);
        assertThatThrownBy(() -> RefreshSecretRing.fromConfiguration("", entries))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("gatehouse.keys.refresh-secrets")
                .hasMessageContaining(message)
                .satisfies(refused -> assertThat(Arrays.stream(secrets.split("[,:]")).filter(part -> part.length() > 20))
                        .allSatisfy(secret -> assertThat(refused.getMessage()).doesNotContain(secret)));
    }

    /** A secret whose base64 spelling has {@code +} and {@code /}. */
    private static byte[] plusAndSlash() {
        byte[] secret = new byte[33];
        Arrays.fill(secret, (byte) 0xFB);
        return secret;
    }

    private static HmacRefreshTokenCodec ring(String... entries) {
        return codec("", List.of(entries));
    }

    private static HmacRefreshTokenCodec codec(String single, List<String> entries) {
        return new HmacRefreshTokenCodec(RefreshSecretRing.fromConfiguration(single, entries).orElseThrow());
    }
}
