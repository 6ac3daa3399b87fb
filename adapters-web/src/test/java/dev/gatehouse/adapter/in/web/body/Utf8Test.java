package dev.gatehouse.adapter.in.web.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void ascii_and_multi_byte_text_read_as_the_jdk_reads_them() {
        assertThat(Utf8.decode("grant_type=refresh_token".getBytes(StandardCharsets.US_ASCII))).isEqualTo("grant_type=refresh_token");
        assertThat(Utf8.decode("pässwörd €𝄞".getBytes(StandardCharsets.UTF_8))).isEqualTo("pässwörd €𝄞");
        assertThat(Utf8.decode(new byte[0])).isEmpty();
    }

    @Test
    void malformed_overlong_and_surrogate_sequences_are_refused() {
        for (String hex : new String[] {"ff", "c0af", "eda080", "61e282", "f4908080"}) {
            assertThatThrownBy(() -> Utf8.decode(HexFormat.of().parseHex(hex))).as(hex).isInstanceOf(MalformedBodyException.class);
        }
    }

    @Test
    void random_bytes_decode_exactly_when_a_strict_jdk_decoder_does() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(12)];
            random.nextBytes(bytes);
            if (i % 2 == 0) {
                for (int j = 0; j < bytes.length; j++) {
                    bytes[j] &= 0x7f; // half of them ASCII only: the fast path
                }
            }
            String strict = strict(bytes);
            if (strict == null) {
                assertThatThrownBy(() -> Utf8.decode(bytes)).isInstanceOf(MalformedBodyException.class);
            } else {
                assertThat(Utf8.decode(bytes)).isEqualTo(strict);
            }
        }
    }

    private static String strict(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException malformed) {
            return null;
        }
    }
}
