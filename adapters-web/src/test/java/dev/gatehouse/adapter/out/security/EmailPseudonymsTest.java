package dev.gatehouse.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.user.EmailAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class EmailPseudonymsTest {

    private static final byte[] SECRET = new byte[32];
    private static final EmailAddress ADA = EmailAddress.of("ada@example.com");

    @Test
    void the_same_email_under_the_same_secret_has_the_same_pseudonym_and_it_reveals_nothing() {
        var pseudonym = new HmacEmailPseudonyms(RefreshSecret.unidentified(SECRET)).of(ADA);
        assertThat(new HmacEmailPseudonyms(RefreshSecret.unidentified(SECRET.clone())).of(EmailAddress.of(" ADA@example.com"))).isEqualTo(pseudonym);
        assertThat(pseudonym.value()).hasSize(43).matches("[A-Za-z0-9_-]+").doesNotContain("ada");
        assertThat(new HmacEmailPseudonyms(RefreshSecret.unidentified(SECRET)).of(EmailAddress.of("bob@example.com"))).isNotEqualTo(pseudonym);
    }

    @Test
    void another_secret_gives_other_pseudonyms() {
        byte[] other = Arrays.copyOf(SECRET, 32);
        other[0] = 1;
        assertThat(new HmacEmailPseudonyms(RefreshSecret.unidentified(other)).of(ADA)).isNotEqualTo(new HmacEmailPseudonyms(RefreshSecret.unidentified(SECRET)).of(ADA));
    }

    @Test
    void the_refresh_secret_itself_is_not_the_key() throws Exception {
        Mac direct = Mac.getInstance("HmacSHA256");
        direct.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        String underTheSecret = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(direct.doFinal(ADA.value().getBytes(StandardCharsets.UTF_8)));
        assertThat(new HmacEmailPseudonyms(RefreshSecret.unidentified(SECRET)).of(ADA).value()).isNotEqualTo(underTheSecret);
    }
}
