package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The JSON log format ({@code logback-json.xml}, what {@code GATEHOUSE_LOG_FORMAT=json} selects) over a
 * whole server life: every line is one JSON object, a security event's fields are top-level fields, and
 * no password or token is ever written. Standard output is captured while the configuration is active.
 */
class JsonLogTest {

    private final LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream standardOut;

    @BeforeEach
    void logJsonToCapturedStandardOut() throws JoranException {
        standardOut = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        logback.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(logback);
        configurator.doConfigure(getClass().getClassLoader().getResource("logback-json.xml"));
    }

    @AfterEach
    void restoreLogging() throws JoranException {
        System.setOut(standardOut);
        logback.reset();
        new ContextInitializer(logback).autoConfig();
    }

    @Test
    void every_line_is_json_with_the_event_fields_and_no_secret() throws IOException {
        List<String> secrets = new ArrayList<>(List.of(HttpFixture.PASSWORD, "wrong password, also secret"));
        try (EmbeddedServer server = GatehouseServer.start(Map.of("gatehouse.tokens.reuse-grace", "0s"))) {
            HttpFixture http = new HttpFixture(server);
            String email = HttpFixture.anEmail(); // development mode logs the e-mails it cannot send, addresses included
            Map<String, Object> registered = http.register(email);
            Map<String, Object> signedIn = http.object(http.signIn(email, HttpFixture.PASSWORD));
            Map<String, Object> rotated = http.object(http.refresh((String) signedIn.get("refresh_token")));
            assertThat(http.refresh((String) signedIn.get("refresh_token")).statusCode()).as("reuse").isEqualTo(400);
            assertThat(http.signIn(email, "wrong password, also secret").statusCode()).isEqualTo(400);
            for (Map<String, Object> tokens : List.of(registered, signedIn, rotated)) {
                secrets.add((String) tokens.get("access_token"));
                secrets.add((String) tokens.get("refresh_token"));
            }
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        List<Map<String, Object>> lines = parseEveryLine(output);

        assertThat(lines).hasSizeGreaterThan(5).allSatisfy(line -> assertThat(line)
                .containsKeys("@timestamp", "level", "logger_name", "thread_name", "message"));
        assertThat(lines).filteredOn(line -> "refresh_token_reuse".equals(line.get("event"))).singleElement()
                .satisfies(reuse -> assertThat(reuse).containsEntry("logger_name", "gatehouse.security")
                        .containsEntry("message", "refresh_token_reuse").containsEntry("client", "api")
                        .containsEntry("session", signedInSession(lines)).containsKey("user"));
        assertThat(lines).filteredOn(line -> "sign_in_succeeded".equals(line.get("event"))).isNotEmpty()
                .allSatisfy(success -> assertThat(success).as("no detail: left out, not empty").doesNotContainKey("detail"));
        assertThat(lines).anySatisfy(line -> assertThat(line).containsEntry("event", "sign_in_failed").containsKey("detail"));
        assertThat(secrets).hasSize(8).allSatisfy(secret -> assertThat(output).doesNotContain(secret));
        assertThat(secrets.subList(2, 8)).allSatisfy(token ->
                assertThat(output).doesNotContain(token.substring(token.lastIndexOf('.') + 1)));
    }

    private static Object signedInSession(List<Map<String, Object>> lines) {
        return lines.stream().filter(line -> "sign_in_succeeded".equals(line.get("event"))).reduce((first, last) -> last)
                .orElseThrow().get("session");
    }

    private static List<Map<String, Object>> parseEveryLine(String output) throws IOException {
        JsonMapper json = JsonMapper.createDefault();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            lines.add(json.readValue(line, Argument.mapOf(String.class, Object.class)));
        }
        return lines;
    }
}
