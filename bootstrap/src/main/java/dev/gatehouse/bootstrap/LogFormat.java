package dev.gatehouse.bootstrap;

import java.util.Locale;

/**
 * The log format chosen by {@code GATEHOUSE_LOG_FORMAT}: {@code text} (the default, one human-readable
 * line per event, {@code logback.xml}) or {@code json} (one JSON object per line, {@code logback-json.xml}).
 * It must be chosen before the first logger exists, so {@code main} applies it first of all.
 */
enum LogFormat {
    TEXT("logback.xml"),
    JSON("logback-json.xml");

    static final String VARIABLE = "GATEHOUSE_LOG_FORMAT";
    private static final String CONFIGURATION = "logback.configurationFile";

    private final String configuration;

    LogFormat(String configuration) {
        this.configuration = configuration;
    }

    /** The format {@code value} names (absent or blank: text); {@link IllegalArgumentException} naming the variable otherwise. */
    static LogFormat of(String value) {
        if (value == null || value.isBlank()) {
            return TEXT;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(VARIABLE + " must be text or json, not " + value, unknown);
        }
    }

    /** Points Logback at this format's configuration, unless {@code -Dlogback.configurationFile} names one already. */
    void apply() {
        if (System.getProperty(CONFIGURATION) == null) {
            System.setProperty(CONFIGURATION, configuration);
        }
    }
}
