package dev.gatehouse.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.out.mail.EmailTokenCodec;
import dev.gatehouse.application.port.out.mail.EmailTokenCodec.NewToken;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmailTokenCodecTest {

    private static final byte[] REFRESH_SECRET = new byte[32];
    private final HmacEmailTokenCodec codec = new HmacEmailTokenCodec(
            List.of(HmacEmailTokenCodec.deriveKey(RefreshSecret.unidentified(REFRESH_SECRET))), new SecureRandom());

    @Test
    void tokens_carry_256_random_bits_in_url_safe_form_and_differ_every_time() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            NewToken token = codec.generate();
            assertThat(token.token()).matches("[A-Za-z0-9_-]{43}");
            assertThat(Base64.getUrlDecoder().decode(token.token())).hasSize(32);
            assertThat(seen.add(token.token())).isTrue();
        }
    }

    @Test
    void the_stored_hash_is_keyed_and_is_not_the_token() {
        NewToken token = codec.generate();
        assertThat(codec.hashesOf(token.token())).contains(token.hash());
        assertThat(token.hash().value()).isNotEqualTo(token.token()).doesNotContain(token.token());
        var otherKey = new byte[32];
        otherKey[0] = 1;
        var otherServer = new HmacEmailTokenCodec(List.of(HmacEmailTokenCodec.deriveKey(RefreshSecret.unidentified(otherKey))),
                new SecureRandom());
        assertThat(otherServer.hashesOf(token.token())).as("another key, another hash").doesNotContain(token.hash());
        assertThat(token.toString()).doesNotContain(token.token());
    }

    @Test
    void the_key_is_not_the_refresh_secret() {
        assertThat(HmacEmailTokenCodec.deriveKey(RefreshSecret.unidentified(REFRESH_SECRET))).hasSize(32).isNotEqualTo(REFRESH_SECRET);
    }

    @Test
    void every_instance_with_the_same_refresh_secrets_hashes_alike() {
        SecureRandom random = new SecureRandom();
        String newest = KeyMaterial.refreshSecret(random);
        List<String> ring = List.of("r2:" + newest, "r1:" + KeyMaterial.refreshSecret(random));
        var one = codec(ring);
        var other = codec(ring);
        NewToken token = one.generate();
        assertThat(other.hashesOf(token.token())).contains(token.hash());
    }

    /** operations.md, rotating the refresh secret: step 2 moves a new secret first, instance by instance. */
    @Test
    void a_link_survives_moving_a_new_secret_first_on_any_instance_until_its_secret_is_removed() {
        SecureRandom random = new SecureRandom();
        String r1 = "r1:" + KeyMaterial.refreshSecret(random);
        String r2 = "r2:" + KeyMaterial.refreshSecret(random);
        var before = codec(List.of(r1, r2));
        var after = codec(List.of(r2, r1));
        var withoutR1 = codec(List.of(r2));

        NewToken mintedBefore = before.generate();
        NewToken mintedAfter = after.generate();

        assertThat(after.hashesOf(mintedBefore.token())).contains(mintedBefore.hash());
        assertThat(before.hashesOf(mintedAfter.token())).contains(mintedAfter.hash());
        assertThat(after.hashesOf(mintedAfter.token())).as("the current key's hash first").first().isEqualTo(mintedAfter.hash());
        assertThat(withoutR1.hashesOf(mintedBefore.token())).as("r1 removed").doesNotContain(mintedBefore.hash());
        assertThat(withoutR1.hashesOf(mintedAfter.token())).containsExactly(mintedAfter.hash());
    }

    @Test
    void strings_that_cannot_be_tokens_are_not_hashed() {
        assertThat(codec.hashesOf(null)).isEmpty();
        assertThat(codec.hashesOf("")).isEmpty();
        assertThat(codec.hashesOf("a".repeat(42))).isEmpty();
        assertThat(codec.hashesOf("a".repeat(44))).isEmpty();
        assertThat(codec.hashesOf("a".repeat(42) + "=")).isEmpty();
        assertThat(codec.hashesOf("a".repeat(42) + "/")).isEmpty();
    }

    /** The codec of an instance configured with {@code gatehouse.keys.refresh-secrets: ring}. */
    private static EmailTokenCodec codec(List<String> ring) {
        SecurityFactory factory = new SecurityFactory(false);
        SecureRandom random = new SecureRandom();
        return factory.emailTokenCodec(factory.refreshSecrets("", ring, random), random);
    }
}
