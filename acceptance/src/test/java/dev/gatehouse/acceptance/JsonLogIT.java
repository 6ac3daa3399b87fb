package dev.gatehouse.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code GATEHOUSE_LOG_FORMAT=json} as an operator sets it: the jar's whole output, from the first line to the
 * last, is one JSON object per line (no start-up banner), a security event's fields are top-level fields, and no
 * password or token is written. The reuse grace is 0 here, so that a replay is reuse at once.
 */
class JsonLogIT {

    private static final String NAME = "json-log";

    @Test
    void every_line_of_the_jar_is_json_with_the_event_fields_and_no_secret() throws IOException {
        String email = Gatehouse.anEmail();
        List<String> secrets = new ArrayList<>(List.of(Gatehouse.PASSWORD)); // dev mode logs unsent e-mails, address included
        try (GatehouseJar jar = GatehouseJar.start(NAME, port -> new JarLaunch(JarLaunch.LEAN,
                Map.of("micronaut.server.port", String.valueOf(port), "gatehouse.tokens.reuse-grace", "0s"), Optional.empty(),
                Map.of("GATEHOUSE_LOG_FORMAT", "json")))) {
            Http http = new Http(jar.base());
            JsonNode registered = Gatehouse.register(http, email);
            String spent = registered.path("refresh_token").asText();
            JsonNode rotated = Http.json(http.postForm("/auth/token", Map.of("grant_type", "refresh_token", "refresh_token", spent,
                    "client_id", "api")));
            assertThat(http.postForm("/auth/token", Map.of("grant_type", "refresh_token", "refresh_token", spent, "client_id", "api"))
                    .statusCode()).as("reuse").isEqualTo(400);
            for (JsonNode tokens : List.of(registered, rotated)) {
                secrets.add(tokens.path("access_token").asText());
                secrets.add(tokens.path("refresh_token").asText());
            }
        }
        String output = Files.readString(Path.of("target", "jar-logs", NAME + ".log"), StandardCharsets.UTF_8);
        List<JsonNode> lines = output.lines().map(Json::parse).toList();

        assertThat(lines).hasSizeGreaterThan(3).allSatisfy(line -> assertThat(line.has("@timestamp") && line.has("level")
                && line.has("logger_name") && line.has("thread_name") && line.has("message")).as(line.toString()).isTrue());
        assertThat(lines).filteredOn(line -> line.path("event").asText().equals("refresh_token_reuse")).singleElement()
                .satisfies(reuse -> {
                    assertThat(reuse.path("message").asText()).isEqualTo("refresh_token_reuse");
                    assertThat(reuse.path("session").asText()).isEqualTo(registered(lines).path("session").asText());
                    assertThat(reuse.path("client").asText()).isEqualTo("api");
                    assertThat(reuse.has("user")).isTrue();
                });
        assertThat(secrets).hasSize(5).allSatisfy(secret -> assertThat(output).doesNotContain(secret));
    }

    /** Before the application context exists: one JSON line that says where, exit status 1, and not the line's text. */
    @Test
    void a_configuration_file_that_is_no_yaml_stops_the_jar_with_one_json_line_and_no_secret() throws Exception {
        String secret = "r1:TOPSECRETx0123456789abcdef0123456789";
        String name = "json-log-unreadable";
        Path logs = Files.createDirectories(Path.of("target", "jar-logs"));
        Process jar = new JarLaunch(JarLaunch.LEAN, Map.of(), Optional.of("gatehouse:\n  keys:\n    refresh-secrets: [ \"" + secret + "\n"),
                Map.of("GATEHOUSE_LOG_FORMAT", "json")).processBuilder(name, logs).start();
        assertThat(jar.waitFor(60, TimeUnit.SECONDS)).as("the jar stops").isTrue();
        String output = Files.readString(logs.resolve(name + ".log"), StandardCharsets.UTF_8);

        assertThat(jar.exitValue()).as(output).isEqualTo(1);
        assertThat(output.lines().map(Json::parse).toList()).singleElement().satisfies(line -> {
            assertThat(line.path("level").asText()).isEqualTo("ERROR");
            assertThat(line.path("message").asText()).contains("not valid YAML", "line 3, column 24");
        });
        assertThat(output).doesNotContain("TOPSECRET");
    }

    private static JsonNode registered(List<JsonNode> lines) {
        return lines.stream().filter(line -> line.path("event").asText().equals("account_registered")).findFirst().orElseThrow();
    }
}
