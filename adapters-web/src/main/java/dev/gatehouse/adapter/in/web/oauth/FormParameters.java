package dev.gatehouse.adapter.in.web.oauth;

import io.micronaut.core.type.Argument;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the parameters of an OAuth endpoint from {@code application/x-www-form-urlencoded} (RFC 6749
 * §3.2) or from a flat JSON object with the same names. Every value must be a string; a parameter given
 * twice is an error (§3.2: "parameters MUST NOT be included more than once").
 */
@Singleton
public final class FormParameters {

    private final JsonMapper json;

    FormParameters(JsonMapper json) {
        this.json = json;
    }

    /** Thrown for a body that cannot be read as parameters; the message is safe to show. */
    public static final class MalformedParameters extends RuntimeException {
        MalformedParameters(String message) {
            super(message, null, false, false);
        }
    }

    /** The parameters of {@code body}; none for an empty body; {@link MalformedParameters} for anything unreadable. */
    public Map<String, String> read(MediaType contentType, String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        if (contentType != null && MediaType.APPLICATION_JSON_TYPE.matches(contentType)) {
            return fromJson(body);
        }
        return fromForm(body);
    }

    private Map<String, String> fromJson(String body) {
        Map<String, Object> object;
        try {
            object = json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException notJson) {
            throw new MalformedParameters("The body is not a JSON object.");
        }
        if (object == null) {
            throw new MalformedParameters("The body is not a JSON object.");
        }
        Map<String, String> parameters = new HashMap<>();
        object.forEach((name, value) -> {
            if (value != null && !(value instanceof String)) {
                throw new MalformedParameters("Parameter " + safeName(name) + " must be a string.");
            }
            if (value != null) {
                parameters.put(name, (String) value);
            }
        });
        return parameters;
    }

    private static Map<String, String> fromForm(String body) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (parameters.putIfAbsent(name, value) != null) {
                throw new MalformedParameters("Parameter " + safeName(name) + " is included more than once.");
            }
        }
        return parameters;
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw new MalformedParameters("The form body is not properly URL-encoded.");
        }
    }

    /** Parameter names echoed in errors are ours or harmless; anything else is not repeated. */
    private static String safeName(String name) {
        return name.matches("[a-z_]{1,32}") ? name : "(unknown)";
    }
}
