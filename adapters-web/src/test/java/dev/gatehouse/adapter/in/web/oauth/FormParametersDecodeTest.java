package dev.gatehouse.adapter.in.web.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.adapter.in.web.body.MalformedBodyException;
import org.junit.jupiter.api.Test;

class FormParametersDecodeTest {

    @Test
    void a_component_without_escapes_is_itself() {
        assertThat(FormParameters.decode("refresh_token")).isEqualTo("refresh_token");
        assertThat(FormParameters.decode("pässwörd")).isEqualTo("pässwörd");
    }

    @Test
    void percent_escapes_and_plus_are_decoded_as_utf_8() {
        assertThat(FormParameters.decode("a+b%2Bc")).isEqualTo("a b+c");
        assertThat(FormParameters.decode("p%C3%A4ss")).isEqualTo("päss");
    }

    @Test
    void broken_escapes_and_escaped_surrogates_are_refused() {
        assertThatThrownBy(() -> FormParameters.decode("a%2")).isInstanceOf(FormParameters.MalformedParameters.class);
        assertThatThrownBy(() -> FormParameters.decode("a%zz")).isInstanceOf(FormParameters.MalformedParameters.class);
        assertThatThrownBy(() -> FormParameters.decode("%ED%A0%80")).isInstanceOf(MalformedBodyException.class);
    }
}
