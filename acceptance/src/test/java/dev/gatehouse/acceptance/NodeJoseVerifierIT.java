package dev.gatehouse.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Node.js team's verifier, unmodified: the npm package {@code jose} ({@code src/test/node}, pinned by its
 * committed package-lock.json) verifies access tokens of the jar for every signing algorithm and both {@code typ}
 * values of the contract, each in a jar of its own. The machine's {@code node} and {@code npm} install it with
 * {@code npm ci} into {@code target/node-verifier}; where they are missing, this test is skipped, saying so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeJoseVerifierIT {

    private static final Path SOURCES = Path.of("src", "test", "node");
    private static final Path INSTALLED = Path.of("target", "node-verifier");

    static Stream<Arguments> profiles() {
        return Stream.of("RS256", "ES256", "EdDSA").flatMap(alg -> Stream.of("JWT", "at+jwt").map(typ -> Arguments.of(alg, typ)));
    }

    @BeforeAll
    void installJose() throws IOException {
        Assumptions.assumeTrue(onPath("node") && onPath("npm"), "node and npm are not installed: the jose verifier check is skipped");
        Files.createDirectories(INSTALLED);
        for (String file : List.of("package.json", "package-lock.json", "verify.mjs")) {
            Files.copy(SOURCES.resolve(file), INSTALLED.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Outcome install = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 180);
        assertThat(install.exitCode()).as("npm ci: %s", install.output()).isZero();
    }

    @ParameterizedTest(name = "{0}, typ {1}")
    @MethodSource("profiles")
    void jose_verifies_the_access_tokens_and_rejects_a_tampered_one(String algorithm, String type) {
        String name = "jose-" + algorithm + "-" + type.replace('+', '_');
        try (GatehouseJar jar = GatehouseJar.start(name, port -> signingWith(algorithm, type, port))) {
            JsonNode tokens = Gatehouse.register(new Http(jar.base()), Gatehouse.anEmail());
            String accessToken = tokens.path("access_token").asText();

            Outcome verified = verify(jar, type, accessToken);
            assertThat(verified.exitCode()).as("jose: %s", verified.output()).isZero();
            JsonNode result = Json.parse(verified.output());
            assertThat(result.path("sub").asText()).isEqualTo(tokens.path("user_id").asText());
            assertThat(result.path("alg").asText()).isEqualTo(algorithm);
            assertThat(result.path("typ").asText()).isEqualTo(type);

            int signature = accessToken.lastIndexOf('.') + 1;
            String tampered = accessToken.substring(0, signature) + (accessToken.charAt(signature) == 'A' ? 'B' : 'A')
                    + accessToken.substring(signature + 1);
            assertThat(verify(jar, type, tampered).exitCode()).as("a tampered signature").isNotZero();
        }
    }

    /** Development mode with the profile under test; the issuer is the jar's own base URL. */
    private static JarLaunch signingWith(String algorithm, String type, int port) {
        return new JarLaunch(JarLaunch.LEAN, Map.of(
                "micronaut.server.port", String.valueOf(port),
                "gatehouse.issuer", "http://localhost:" + port,
                "gatehouse.tokens.signing-algorithm", algorithm,
                "gatehouse.tokens.access-token-type", type), Optional.empty());
    }

    private static Outcome verify(GatehouseJar jar, String type, String token) {
        return run(List.of("node", "verify.mjs", jar.base().resolve("/.well-known/jwks.json").toString(), "http://localhost:" + jar.port(),
                Gatehouse.AUDIENCE, type, token), 60);
    }

    /** The exit code and output of a command run in {@link #INSTALLED}. */
    private record Outcome(int exitCode, String output) {
    }

    private static Outcome run(List<String> command, int timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).directory(INSTALLED.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command.get(0) + " did not finish within " + timeoutSeconds + " s: " + output);
            }
            return new Outcome(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String executable) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, executable)));
    }
}
