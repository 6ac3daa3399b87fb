package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** What the start says about a configuration it cannot read: where, never the text of the line. */
class UnreadableConfigurationTest {

    @Test
    void a_yaml_error_names_line_and_column_but_not_the_line() {
        Throwable parse = catchThrowable(() -> new Yaml().load("gatehouse:\n  keys:\n    refresh-secrets: [ \"r1:TOPSECRET\n"));
        var failure = new ConfigurationException("Could not load config: " + parse.getMessage(), parse);

        assertThat(UnreadableConfiguration.describe(failure)).hasValueSatisfying(message -> assertThat(message)
                .startsWith("a configuration file is not valid YAML: ").contains("line 3, column 24").doesNotContain("TOPSECRET"));
    }

    @Test
    void another_configuration_failure_says_its_message_and_anything_else_is_no_configuration_failure() {
        assertThat(UnreadableConfiguration.describe(new ConfigurationException("Failed to read configuration file: /x.yml")))
                .hasValue("Failed to read configuration file: /x.yml");
        assertThat(UnreadableConfiguration.describe(new IllegalStateException("a bug"))).isEmpty();
    }
}
