package dev.gatehouse.adapter.in.web.oauth;

import dev.gatehouse.adapter.in.web.body.MalformedBodyException;
import dev.gatehouse.adapter.in.web.body.StrictJson;
import dev.gatehouse.adapter.in.web.body.Utf8;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the parameters of an OAuth endpoint from {@code application/x-www-form-urlencoded} (RFC 6749
 * §3.2, Appendix B: UTF-8, percent-encoded) or from a flat JSON object with the same names, read by
 * {@link StrictJson}. Every value must be a string of well-formed UTF-8, also after percent-decoding; a
 * parameter given twice is an error (§3.2: "parameters MUST NOT be included more than once"), and one without
 * a value ({@code username=}, {@code username}, {@code "username":""}) is left out (§3.2: "treated as if
 * they were omitted from the request"), so the endpoints see only parameters with a value.
 */
@Singleton
public final class FormParameters {

    private final StrictJson json;

    FormParameters(StrictJson json) {
        this.json = json;
    }

    /** Thrown for a body that cannot be read as parameters; the message is safe to show. */
    public static final class MalformedParameters extends RuntimeException {
        MalformedParameters(String message) {
            super(message, null, false, false);
        }
    }

    /** The parameters of the raw {@code body}; none for an empty body; {@link MalformedParameters} for anything unreadable. */
    public Map<String, String> read(MediaType contentType, @Nullable byte[] body) {
        try {
            return read(contentType, body == null ? null : Utf8.decode(body));
        } catch (MalformedBodyException notUtf8) {
            throw new MalformedParameters(notUtf8.getMessage());
        }
    }

    /** As {@link #read(MediaType, byte[])}, for a body already decoded. */
    public Map<String, String> read(MediaType contentType, @Nullable String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        Map<String, String> parameters;
        try {
            boolean asJson = contentType != null && MediaType.APPLICATION_JSON_TYPE.matches(contentType);
            parameters = asJson ? json.strings(body) : fromForm(body);
        } catch (MalformedBodyException malformed) {
            throw new MalformedParameters(malformed.getMessage());
        }
        parameters.values().removeIf(String::isEmpty);
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

    /**
     * One form-urlencoded component: percent-decoding to bytes first, then strict UTF-8, so {@code %ED%A0%80}
     * is refused ({@link MalformedParameters}, or {@link MalformedBodyException} for bad UTF-8), not turned into U+FFFD.
     * A component without {@code %} or {@code +} is its own decoding (the body was well-formed UTF-8 already).
     */
    static String decode(String encoded) {
        if (encoded.indexOf('%') < 0 && encoded.indexOf('+') < 0) {
            return encoded;
        }
        byte[] raw = encoded.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream decoded = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%') {
                int high = i + 2 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw[i + 2], 16);
                if (low < 0) {
                    throw new MalformedParameters("The form body is not properly URL-encoded.");
                }
                decoded.write(high << 4 | low);
                i += 2;
            } else {
                decoded.write(raw[i] == '+' ? ' ' : raw[i]);
            }
        }
        return Utf8.decode(decoded.toByteArray());
    }

    /** Parameter names echoed in errors are ours or harmless; anything else is not repeated. */
    private static String safeName(String name) {
        return name.matches("[a-z_]{1,32}") ? name : "(unknown)";
    }
}
