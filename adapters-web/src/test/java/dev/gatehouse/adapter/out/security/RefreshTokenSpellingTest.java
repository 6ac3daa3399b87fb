package dev.gatehouse.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one spelling of a refresh token, part by part, at every length limit. */
class RefreshTokenSpellingTest {

    private static final String FAMILY = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    private static final String PROOF = "A".repeat(42) + "_";

    @Test
    void both_forms_have_their_parts() {
        assertThat(RefreshTokenSpelling.of(FAMILY + ".0." + PROOF))
                .contains(new RefreshTokenSpelling(FAMILY, "0", null, PROOF));
        assertThat(RefreshTokenSpelling.of(FAMILY + ".123456789012345678.r-1_." + PROOF))
                .contains(new RefreshTokenSpelling(FAMILY, "123456789012345678", "r-1_", PROOF));
        assertThat(RefreshTokenSpelling.of(FAMILY + ".7." + "k".repeat(16) + "." + PROOF)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", ".", "..", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0.7",
        "0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0.7.PROOF", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f.7.PROOF",
        "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f00.7.PROOF", "0f1e2d3c+4b5a-6978-8796-a5b4c3d2e1f0.7.PROOF",
        "0f1e2d3c4-b5a-6978-8796-a5b4c3d2e1f0.7.PROOF", "g f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0.7.PROOF",
        "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0..PROOF", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0.07.PROOF",
        "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0.-7.PROOF", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0.1234567890123456789.PROOF",
        "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0.7..PROOF", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0.7.kkkkkkkkkkkkkkkkk.PROOF",
        "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0.7.k=.PROOF", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0.7.k.PROOF.",
        "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0.7.k.k.PROOF", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0.7.PROOFx",
        "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0.7.PROO", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0.7.PROO=",
        "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0.7.PROOF ", " 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0.7.PROOF"})
    void anything_else_has_no_parts(String template) {
        assertThat(RefreshTokenSpelling.of(template.replace("PROOF", PROOF).replace("PROO", PROOF.substring(1)))).isEmpty();
    }
}
