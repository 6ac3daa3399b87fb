package dev.gatehouse.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exactly one spelling decodes: the one {@code encode} writes (RFC 4648 §3.5, §5; RFC 7515 §2). */
class CanonicalBase64UrlTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Test
    void every_length_round_trips() {
        var random = new Random(7);
        for (int length = 0; length <= 70; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            assertThat(CanonicalBase64Url.decode(CanonicalBase64Url.encode(bytes))).as("length " + length).hasValue(bytes);
        }
    }

    @Test
    void of_all_spellings_of_the_last_character_only_the_canonical_one_decodes() {
        for (int length : new int[] {31, 32}) {
            String canonical = CanonicalBase64Url.encode(new byte[length]);
            List<String> decoding = new ArrayList<>();
            for (char last : ALPHABET.toCharArray()) {
                String spelling = canonical.substring(0, canonical.length() - 1) + last;
                if (Arrays.equals(Base64.getUrlDecoder().decode(spelling), new byte[length])) {
                    assertThat(CanonicalBase64Url.decode(spelling).isPresent()).as(spelling).isEqualTo(spelling.equals(canonical));
                    decoding.add(spelling);
                }
            }
            assertThat(decoding).as("the JDK's decoder accepts them all").hasSize(length % 3 == 1 ? 16 : 4);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"AAAAAAAAAAA=", "AAAAAAAAAA==", "AAAA====", "AA+A", "AA/A", "AA A", " AAAA", "AAAA\n", "AAA\tA",
        "AAAAA", "AA.A", "AAÄA", "AA%3D"})
    void padding_other_alphabets_whitespace_and_impossible_lengths_do_not_decode(String text) {
        assertThat(CanonicalBase64Url.decode(text)).isEmpty();
    }

    @Test
    void nothing_is_no_encoding() {
        assertThat(CanonicalBase64Url.decode(null)).isEmpty();
        assertThat(CanonicalBase64Url.decode("")).hasValue(new byte[0]);
    }
}
