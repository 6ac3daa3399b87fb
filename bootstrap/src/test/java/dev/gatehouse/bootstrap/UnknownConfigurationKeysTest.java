package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Misspelt keys are named at start; the keys the service reads are exactly those docs/operations.md lists. */
class UnknownConfigurationKeysTest {

    @Test
    void misspelt_keys_are_named_with_the_key_meant_and_known_keys_in_any_spelling_pass() {
        var yaml = PropertySource.of("file:/etc/gatehouse/prod.yml", Map.of(
                "gatehouse.tokens.acess-ttl", "1m",
                "gatehouse.throttle.sign-in-failures-per-acount", "3",
                "gatehouse.trusted-proxy", "10.0.0.1",
                "gatehouse.tokens.access-ttl", "5m",
                "gatehouse.tokens.refreshIdleTtl", "1h",
                "gatehouse.clients.ops-team.allowed-origins[0]", "https://ops.example",
                "micronaut.server.port", "8080"));
        var environment = PropertySource.of("env", Map.of(
                "GATEHOUSE_KEYS_REFRESH_SECRETS", "r1:x",
                "GATEHOUSE_CLIENTS_OPS_SECRET", "s",
                "GATEHOUSE_TOKENS_ACCES_TTL", "1m",
                "GATEHOUSE_LOG_FORMAT", "json",
                "PATH", "/usr/bin"), PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);

        assertThat(UnknownConfigurationKeys.unknownIn(List.of(yaml, environment))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "gatehouse.tokens.acess-ttl", "gatehouse.tokens.access-ttl",
                "gatehouse.throttle.sign-in-failures-per-acount", "gatehouse.throttle.sign-in-failures-per-account",
                "gatehouse.trusted-proxy", "gatehouse.trusted-proxies",
                "GATEHOUSE_TOKENS_ACCES_TTL", "gatehouse.tokens.access-ttl"));
    }

    @Test
    void the_service_reads_exactly_the_keys_of_the_configuration_table() throws IOException {
        assertThat(UnknownConfigurationKeys.KNOWN).containsExactlyInAnyOrderElementsOf(documentedKeys());
    }

    /** Every {@code GATEHOUSE_…} variable the docs tell operators to set is one the start does not warn about. */
    @Test
    void no_documented_environment_variable_is_named_as_unknown() throws IOException {
        Pattern variable = Pattern.compile("GATEHOUSE_[A-Z0-9_]*[A-Z0-9]");
        List<String> documented = new ArrayList<>();
        for (String doc : List.of("../docs/operations.md", "../README.md", "../docs/browser-apps.md")) {
            Matcher found = variable.matcher(Files.readString(Path.of(doc)));
            while (found.find()) {
                documented.add(found.group());
            }
        }
        documented.removeAll(List.of("GATEHOUSE_VERSION", "GATEHOUSE_CLIENTS")); // an unrelated variable; a prefix
        assertThat(documented).contains("GATEHOUSE_LOG_FORMAT", "GATEHOUSE_KEYS_SIGNING", "GATEHOUSE_CLIENTS_OPS_SECRET");

        var environment = PropertySource.of("env", documented.stream().distinct()
                .collect(Collectors.toMap(name -> name, name -> (Object) "x")), PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);
        assertThat(UnknownConfigurationKeys.unknownIn(List.of(environment))).isEmpty();
    }

    @Test
    void the_jars_own_configuration_and_the_acceptance_suites_hold_no_unknown_key() throws IOException {
        Map<String, Object> acceptance;
        try (InputStream yaml = Files.newInputStream(Path.of("../acceptance/src/test/resources/acceptance.yml"))) {
            acceptance = new YamlPropertySourceLoader().read("acceptance.yml", yaml);
        }
        assertThat(acceptance).containsKey("gatehouse.clients.ops.scopes");
        try (var context = ApplicationContext.builder().build()) {
            List<PropertySource> sources = new ArrayList<>(context.getEnvironment().start().getPropertySources());
            sources.add(PropertySource.of("acceptance.yml", acceptance));
            assertThat(sources).extracting(PropertySource::getName).contains("application");
            assertThat(UnknownConfigurationKeys.unknownIn(sources)).isEmpty();
        }
    }

    /** The keys of docs/operations.md's configuration table: `gatehouse.a.b` and `gatehouse.a.b` / `.c` (a sibling). */
    private static List<String> documentedKeys() throws IOException {
        Pattern row = Pattern.compile("^\\| `(gatehouse\\.[^`]+)`((?: / `\\.[^`]+`)*) \\|");
        Pattern sibling = Pattern.compile("`\\.([^`]+)`");
        List<String> keys = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("../docs/operations.md"))) {
            Matcher key = row.matcher(line);
            if (key.find()) {
                keys.add(key.group(1));
                Matcher more = sibling.matcher(key.group(2));
                while (more.find()) {
                    keys.add(key.group(1).substring(0, key.group(1).lastIndexOf('.') + 1) + more.group(1));
                }
            }
        }
        return keys;
    }
}
