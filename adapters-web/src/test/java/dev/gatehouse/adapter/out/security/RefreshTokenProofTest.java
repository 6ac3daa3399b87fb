package dev.gatehouse.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.port.out.RefreshTokenCodec.RefreshTokenCheck;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.token.RefreshToken;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Both token forms: {@code <family>.<generation>.<proof>} (single secret) and {@code <family>.<generation>.<key id>.<proof>}. */
class RefreshTokenProofTest {

    private static final byte[] SECRET = new byte[32];
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private final RefreshToken token = new RefreshToken(new FamilyId(UUID.randomUUID()), 7);

    static Stream<HmacRefreshTokenCodec> codecs() {
        return Stream.of(single(SECRET), new HmacRefreshTokenCodec(RefreshSecretRing.fromConfiguration("",
                List.of("r1:" + CanonicalBase64Url.encode(SECRET))).orElseThrow()));
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void a_token_round_trips_and_is_the_same_every_time(HmacRefreshTokenCodec codec) {
        String encoded = codec.encode(token);
        assertThat(codec.check(encoded)).isEqualTo(new RefreshTokenCheck.Authentic(token));
        assertThat(codec.encode(token)).isEqualTo(encoded);
        assertThat(encoded).matches("[A-Za-z0-9._-]+");
        String proof = encoded.substring(encoded.lastIndexOf('.') + 1);
        assertThat(Base64.getUrlDecoder().decode(proof)).as("256 bits of proof").hasSize(32);
    }

    @Test
    void the_single_secret_keeps_the_format_of_earlier_releases_and_the_ring_names_its_key() {
        assertThat(single(SECRET).encode(token)).matches(token.familyId().value() + "\\.7\\.[A-Za-z0-9_-]{43}");
        assertThat(codecs().skip(1).findFirst().orElseThrow().encode(token)).matches(token.familyId().value() + "\\.7\\.r1\\.[A-Za-z0-9_-]{43}");
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void every_single_character_change_is_detected(HmacRefreshTokenCodec codec) {
        String encoded = codec.encode(token);
        for (int i = 0; i < encoded.length(); i++) {
            for (char replacement : (ALPHABET + ".=+/ ").toCharArray()) {
                if (replacement != encoded.charAt(i)) {
                    String altered = encoded.substring(0, i) + replacement + encoded.substring(i + 1);
                    assertThat(codec.check(altered)).as(altered).isInstanceOf(RefreshTokenCheck.NotAuthentic.class);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void of_the_four_spellings_of_the_last_character_only_the_real_one_is_authentic(HmacRefreshTokenCodec codec) {
        String encoded = codec.encode(token);
        List<String> sameBytes = new ArrayList<>();
        byte[] proof = Base64.getUrlDecoder().decode(encoded.substring(encoded.lastIndexOf('.') + 1));
        for (char last : ALPHABET.toCharArray()) {
            String spelling = encoded.substring(0, encoded.length() - 1) + last;
            if (Arrays.equals(Base64.getUrlDecoder().decode(spelling.substring(spelling.lastIndexOf('.') + 1)), proof)) {
                sameBytes.add(spelling);
            }
        }
        assertThat(sameBytes).hasSize(4).contains(encoded);
        sameBytes.stream().filter(spelling -> !spelling.equals(encoded)).forEach(variant ->
                assertThat(codec.check(variant)).as(variant).isInstanceOf(RefreshTokenCheck.NotAuthentic.class));
        assertThat(codec.check(encoded + "=")).isInstanceOf(RefreshTokenCheck.NotAuthentic.class);
    }

    @Test
    void another_generation_with_the_old_proof_is_not_authentic() {
        var codec = single(SECRET);
        String encoded = codec.encode(token);
        assertThat(codec.check(encoded.replace(".7.", ".8."))).isInstanceOf(RefreshTokenCheck.NotAuthentic.class);
    }

    @Test
    void another_secret_recognises_nothing() {
        byte[] other = Arrays.copyOf(SECRET, 32);
        other[0] = 1;
        assertThat(single(other).check(single(SECRET).encode(token))).isInstanceOf(RefreshTokenCheck.NotAuthentic.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "garbage", "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiIxIn0.c2ln"})
    void malformed_strings_are_not_authentic(String presented) {
        assertThat(single(SECRET).check(presented)).isInstanceOf(RefreshTokenCheck.NotAuthentic.class);
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void non_canonical_spellings_are_not_authentic(HmacRefreshTokenCodec codec) {
        String encoded = codec.encode(token);
        String family = token.familyId().value().toString();
        String rest = encoded.substring(family.length() + ".7".length());
        for (String variant : List.of(family.toUpperCase() + ".7" + rest, family + ".07" + rest, family + ".-7" + rest,
                family + ".+7" + rest, " " + encoded, encoded + " ", encoded + "\n", encoded.replace(".", ". "))) {
            assertThat(codec.check(variant)).as(variant).isInstanceOf(RefreshTokenCheck.NotAuthentic.class);
        }
        assertThat(codec.check(null)).isInstanceOf(RefreshTokenCheck.NotAuthentic.class);
        assertThat(codec.check(encoded + "x".repeat(5000))).isInstanceOf(RefreshTokenCheck.NotAuthentic.class);
    }

    @Test
    void a_short_secret_is_refused() {
        assertThatThrownBy(() -> RefreshSecret.unidentified(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThat(RefreshSecret.identified("r1", SECRET).toString()).doesNotContain("AAAA").contains("redacted");
    }

    static HmacRefreshTokenCodec single(byte[] secret) {
        return new HmacRefreshTokenCodec(RefreshSecretRing.of(RefreshSecret.unidentified(secret)));
    }
}
