package dev.gatehouse.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.port.out.RefreshTokenCodec.RefreshTokenCheck;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.token.RefreshToken;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefreshTokenProofTest {

    private static final byte[] SECRET = new byte[32];
    private final HmacRefreshTokenCodec codec = new HmacRefreshTokenCodec(SECRET);
    private final RefreshToken token = new RefreshToken(new FamilyId(UUID.randomUUID()), 7);

    @Test
    void a_token_round_trips_and_is_the_same_every_time() {
        String encoded = codec.encode(token);
        assertThat(codec.check(encoded)).isEqualTo(new RefreshTokenCheck.Authentic(token));
        assertThat(codec.encode(token)).isEqualTo(encoded);
        assertThat(encoded).matches("[A-Za-z0-9._-]+");
        String proof = encoded.substring(encoded.lastIndexOf('.') + 1);
        assertThat(Base64.getUrlDecoder().decode(proof)).as("256 bits of proof").hasSize(32);
    }

    @Test
    void every_single_character_change_is_detected() {
        String encoded = codec.encode(token);
        for (int i = 0; i < encoded.length(); i++) {
            char replacement = encoded.charAt(i) == 'A' ? 'B' : 'A';
            String altered = encoded.substring(0, i) + replacement + encoded.substring(i + 1);
            assertThat(codec.check(altered)).as("position " + i).isInstanceOf(RefreshTokenCheck.NotAuthentic.class);
        }
    }

    @Test
    void another_generation_with_the_old_proof_is_not_authentic() {
        String encoded = codec.encode(token);
        assertThat(codec.check(encoded.replace(".7.", ".8."))).isInstanceOf(RefreshTokenCheck.NotAuthentic.class);
    }

    @Test
    void another_secret_recognises_nothing() {
        byte[] other = Arrays.copyOf(SECRET, 32);
        other[0] = 1;
        assertThat(new HmacRefreshTokenCodec(other).check(codec.encode(token))).isInstanceOf(RefreshTokenCheck.NotAuthentic.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "garbage", "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiIxIn0.c2ln"})
    void malformed_strings_are_not_authentic(String presented) {
        assertThat(codec.check(presented)).isInstanceOf(RefreshTokenCheck.NotAuthentic.class);
    }

    @Test
    void non_canonical_spellings_are_not_authentic() {
        String encoded = codec.encode(token);
        String[] parts = encoded.split("\\.");
        assertThat(codec.check(parts[0].toUpperCase() + "." + parts[1] + "." + parts[2])).isInstanceOf(RefreshTokenCheck.NotAuthentic.class);
        assertThat(codec.check(parts[0] + ".07." + parts[2])).isInstanceOf(RefreshTokenCheck.NotAuthentic.class);
        assertThat(codec.check(parts[0] + ".-7." + parts[2])).isInstanceOf(RefreshTokenCheck.NotAuthentic.class);
        assertThat(codec.check(null)).isInstanceOf(RefreshTokenCheck.NotAuthentic.class);
        assertThat(codec.check(encoded + "x".repeat(5000))).isInstanceOf(RefreshTokenCheck.NotAuthentic.class);
    }

    @Test
    void a_short_secret_is_refused() {
        assertThatThrownBy(() -> new HmacRefreshTokenCodec(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
