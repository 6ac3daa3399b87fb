package dev.gatehouse.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.out.mail.MailSealer.Unsealed;
import dev.gatehouse.application.port.out.mail.SealedContent;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outbox's content is unreadable without the refresh secret, opens across a rotation, and not once its secret is gone. */
class AesGcmMailSealerTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String R1 = KeyMaterial.refreshSecret(RANDOM);
    private static final String R2 = KeyMaterial.refreshSecret(RANDOM);
    private static final byte[] LINK = "https://app.example/reset-password#token=T0kenT0kenT0kenT0kenT0kenT0kenT0kenT0kenT0k"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void sealed_content_carries_no_plain_text_opens_as_it_was_and_differs_each_time() {
        AesGcmMailSealer sealer = sealer("r1:" + R1);
        SealedContent sealed = sealer.seal(LINK);

        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("T0ken").doesNotContain("reset");
        assertThat(sealed.keyId()).hasSize(12).doesNotContain("r1");
        assertThat(opened(sealer.open(sealed))).isEqualTo(LINK);
        assertThat(sealer.seal(LINK)).isNotEqualTo(sealed);
    }

    @Test
    void content_sealed_before_a_rotation_opens_until_its_secret_is_removed() {
        SealedContent underR1 = sealer("r1:" + R1).seal(LINK);

        assertThat(opened(sealer("r2:" + R2, "r1:" + R1).open(underR1))).isEqualTo(LINK);
        assertThat(sealer("r2:" + R2, "r1:" + R1).seal(LINK).keyId()).as("the newest seals").isNotEqualTo(underR1.keyId());
        assertThat(sealer("r2:" + R2).open(underR1)).isEqualTo(new Unsealed.KeyUnknown(underR1.keyId()));
    }

    @Test
    void altered_content_or_a_swapped_key_id_does_not_open() {
        AesGcmMailSealer ring = sealer("r2:" + R2, "r1:" + R1);
        SealedContent sealed = ring.seal(LINK);
        byte[] altered = sealed.ciphertext();
        altered[altered.length - 1] ^= 1;

        assertThat(ring.open(new SealedContent(sealed.keyId(), altered))).isInstanceOf(Unsealed.Unreadable.class);
        String otherId = sealer("r1:" + R1).seal(LINK).keyId();
        assertThat(ring.open(new SealedContent(otherId, sealed.ciphertext()))).isInstanceOf(Unsealed.Unreadable.class);
        assertThat(ring.open(new SealedContent(sealed.keyId(), new byte[] {1, 2, 3}))).isInstanceOf(Unsealed.Unreadable.class);
    }

    private static byte[] opened(Unsealed unsealed) {
        assertThat(unsealed).isInstanceOf(Unsealed.Opened.class);
        return ((Unsealed.Opened) unsealed).content();
    }

    private static AesGcmMailSealer sealer(String... entries) {
        return new AesGcmMailSealer(RefreshSecretRing.fromConfiguration(null, List.of(entries)).orElseThrow(), RANDOM);
    }
}
