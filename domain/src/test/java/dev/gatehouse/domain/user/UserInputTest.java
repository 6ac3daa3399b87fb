package dev.gatehouse.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules on what users type: emails, passwords, names. */
class UserInputTest {

    @Test
    void emails_are_trimmed_and_lower_cased() {
        assertThat(EmailAddress.of("  Ada.Lovelace+Work@Example.COM \t").value()).isEqualTo("ada.lovelace+work@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-email", "a@", "@example.com", "a b@example.com", "a..b@example.com", ".a@example.com",
            "a@-example.com", "\u0430dmin@example.com", "\u212Aelvin@example.com", "ｅxample@example.com", "a@b@c.d", "a\u0000@example.com"})
    void malformed_and_non_ascii_emails_are_refused(String raw) {
        assertThatThrownBy(() -> EmailAddress.of(raw)).isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("email"))
                .hasMessageNotContaining(raw);
    }

    @Test
    void emails_longer_than_254_or_with_a_local_part_over_64_are_refused() {
        assertThatThrownBy(() -> EmailAddress.of("a".repeat(65) + "@example.com")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> EmailAddress.of("a@" + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + "."
                + "e".repeat(60) + "." + "f".repeat(60) + ".com")).isInstanceOf(InvalidValueException.class);
        assertThat(EmailAddress.of("a".repeat(64) + "@example.com").value()).hasSize(76);
    }

    @Test
    void passwords_are_nfkc_normalised_but_never_trimmed_or_case_folded() {
        assertThat(Password.of("ｐａｓｓｗｏｒｄ１").reveal()).isEqualTo("password1");
        assertThat(Password.of("  Secret 123  ").reveal()).isEqualTo("  Secret 123  ");
        assertThat(Password.of("Secret 123").reveal()).isNotEqualTo(Password.of("secret 123").reveal());
    }

    @Test
    void passwords_are_8_to_256_code_points() {
        assertThatThrownBy(() -> Password.of("1234567")).isInstanceOf(InvalidValueException.class);
        assertThat(Password.of("12345678").reveal()).hasSize(8);
        assertThat(Password.of("p".repeat(256)).reveal()).hasSize(256);
        assertThatThrownBy(() -> Password.of("p".repeat(257))).isInstanceOf(InvalidValueException.class);
        assertThat(Password.of("😀".repeat(8)).reveal()).as("8 emoji are 8 characters").hasSize(16);
        assertThatThrownBy(() -> Password.of("p".repeat(5000))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void secrets_never_show_in_strings() {
        assertThat(Password.of("correct horse").toString()).doesNotContain("horse");
        assertThat(new PasswordHash("$argon2id$secret").toString()).doesNotContain("argon2id");
    }

    @Test
    void names_are_trimmed_non_blank_and_at_most_200() {
        assertThat(new DisplayName("  Ada  ").value()).isEqualTo("Ada");
        assertThatThrownBy(() -> new DisplayName(" ")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new DisplayName("n".repeat(201))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new DisplayName("a\u0007b")).isInstanceOf(InvalidValueException.class);
    }
}
