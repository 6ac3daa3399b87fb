package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KeysCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"EdDSA", "ES256", "RS256"})
    void prints_a_usable_private_key_set_and_refresh_secret(String algorithm) throws Exception {
        var out = new ByteArrayOutputStream();
        int status = KeysCommand.run(new String[] {KeysCommand.FLAG, algorithm}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");

        assertThat(status).isZero();
        assertThat(lines[0]).isEqualTo("GATEHOUSE_TOKENS_SIGNING_ALGORITHM=" + algorithm);
        String keySet = lines[1].substring("GATEHOUSE_KEYS_SIGNING='".length(), lines[1].length() - 1);
        var key = JWKSet.parse(keySet).getKeys().get(0);
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getKeyID()).isNotBlank();
        assertThat(lines[2]).matches("GATEHOUSE_KEYS_REFRESH_SECRETS=r[0-9]{8}-[0-9a-f]{6}:[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(lines[2].substring(lines[2].indexOf(':') + 1))).hasSize(32);
    }

    @Test
    void the_default_algorithm_is_rs256() {
        var out = new ByteArrayOutputStream();
        int status = KeysCommand.run(new String[] {KeysCommand.FLAG}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("GATEHOUSE_TOKENS_SIGNING_ALGORITHM=RS256\n");
    }

    @Test
    void refuses_an_unknown_algorithm() {
        var err = new ByteArrayOutputStream();
        int status = KeysCommand.run(new String[] {KeysCommand.FLAG, "HS256"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage");
    }
}
