package dev.gatehouse.adapter.in.web.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The OpenAPI document's enum of {@code error} is exactly the codes the OAuth endpoints answer with. */
class OAuthErrorCodesTest {

    @Test
    void the_document_names_every_error_code_and_no_other() throws NoSuchFieldException {
        Schema error = OAuthError.class.getDeclaredField("error").getAnnotation(Schema.class);

        assertThat(error.allowableValues()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(OAuthError.Code.values()).map(code -> code.value).toList());
    }
}
