package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GATEHOUSE_LOG_FORMAT}: text by default, json on request, anything else refused with the allowed values. */
class LogFormatTest {

    private static final String PROPERTY = "logback.configurationFile";
    private String saved;

    @BeforeEach
    void save() {
        saved = System.clearProperty(PROPERTY);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, saved);
        }
    }

    @Test
    void json_selects_the_json_configuration() {
        LogFormat.of(" JSON ").apply();
        assertThat(System.getProperty(PROPERTY)).isEqualTo("logback-json.xml");
    }

    @Test
    void absent_or_text_keeps_the_human_format() {
        assertThat(LogFormat.of(null)).isEqualTo(LogFormat.TEXT);
        assertThat(LogFormat.of("")).isEqualTo(LogFormat.TEXT);
        LogFormat.of("text").apply();
        assertThat(System.getProperty(PROPERTY)).isEqualTo("logback.xml");
    }

    @Test
    void an_explicit_logback_configuration_wins() {
        System.setProperty(PROPERTY, "/etc/gatehouse/logback.xml");
        LogFormat.of("json").apply();
        assertThat(System.getProperty(PROPERTY)).isEqualTo("/etc/gatehouse/logback.xml");
    }

    @Test
    void an_unknown_format_is_refused_naming_the_variable_and_the_choices() {
        assertThatThrownBy(() -> LogFormat.of("xml")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GATEHOUSE_LOG_FORMAT must be text or json, not xml");
    }
}
