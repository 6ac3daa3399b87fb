package dev.gatehouse.adapter.in.web.body;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.gatehouse.adapter.in.web.problem.Problem.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads JSON request bodies strictly (RFC 8259) and binds them to {@code @Serdeable} request records.
 * A body is read only if it is UTF-8 ({@link Utf8}), exactly one object with nothing after it (§2), every
 * member at most once (§4 leaves duplicates to the parser; here they are an error), no string with an
 * unpaired surrogate, escaped or not (§8.2: such a string would reach the hashing as {@code ?}, so that
 * different passwords would collide). A record is bound only if every member is one of its components,
 * every member is a string (request records hold strings only; the use cases parse them), and every
 * component not marked {@code @Nullable} is present. Anything else is a {@link MalformedBodyException}
 * with a field error per field at fault.
 */
@Singleton
public final class StrictJson {

    private static final JsonFactory STRICT = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final String NOT_AN_OBJECT = "The body is not one JSON object of unique members and well-formed strings.";

    private final JsonMapper json;

    StrictJson(JsonMapper json) {
        this.json = json;
    }

    /** The body (none counts as empty) as a {@code type}, a {@code @Serdeable} record of strings. */
    public <T> T read(@Nullable byte[] body, Class<T> type) {
        String text = Utf8.decode(body == null ? new byte[0] : body);
        Map<String, String> members = members(text);
        Argument<?>[] components = BeanIntrospection.getIntrospection(type).getConstructorArguments();
        Set<String> names = Stream.of(components).map(Argument::getName).collect(Collectors.toUnmodifiableSet());
        List<FieldError> errors = new ArrayList<>();
        for (Argument<?> component : components) {
            if (component.getType() != String.class) {
                throw new IllegalArgumentException(type.getSimpleName() + " is no record of strings");
            }
            if (!members.containsKey(component.getName()) && !component.isDeclaredNullable()) {
                errors.add(new FieldError(component.getName(), "is required"));
            }
        }
        members.forEach((name, value) -> {
            if (!names.contains(name)) {
                errors.add(new FieldError(safeName(name), "is not a field of this request"));
            } else if (value == null) {
                errors.add(new FieldError(name, "must be a string"));
            }
        });
        if (!errors.isEmpty()) {
            throw new MalformedBodyException("The body has fields that are missing, unknown or not strings.", errors);
        }
        try {
            return json.readValue(text, Argument.of(type));
        } catch (IOException unbindable) {
            throw new MalformedBodyException(NOT_AN_OBJECT);
        }
    }

    /** The members of a JSON object whose values are all strings, by name (OAuth parameters as JSON). */
    public Map<String, String> strings(String text) {
        Map<String, String> members = members(text);
        members.forEach((name, value) -> {
            if (value == null) {
                throw new MalformedBodyException("Parameter " + safeName(name) + " must be a string.");
            }
        });
        return members;
    }

    /** The top-level members in order; {@code null} stands for a value that is not a string. */
    private static Map<String, String> members(String text) {
        try (JsonParser parser = STRICT.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedBodyException(NOT_AN_OBJECT);
            }
            Map<String, String> members = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = wellFormed(parser.currentName());
                if (parser.nextToken() == JsonToken.VALUE_STRING) {
                    members.put(name, wellFormed(parser.getText()));
                } else {
                    parser.skipChildren();
                    members.put(name, null);
                }
            }
            requireEnd(parser);
            return members;
        } catch (IOException notJson) {
            throw new MalformedBodyException(NOT_AN_OBJECT);
        }
    }

    private static String wellFormed(String text) {
        if (!Utf8.isWellFormed(text)) {
            throw new MalformedBodyException(NOT_AN_OBJECT);
        }
        return text;
    }

    /** Nothing but whitespace may follow the object (Jackson would otherwise ignore it). */
    private static void requireEnd(JsonParser parser) {
        try {
            if (parser.nextToken() == null) {
                return;
            }
        } catch (IOException garbage) {
            // refused below like any other trailing content
        }
        throw new MalformedBodyException("The body has content after its JSON object.");
    }

    /** Field names echoed in errors are plain words; anything else is not repeated. */
    private static String safeName(String name) {
        return name.matches("[A-Za-z_]{1,32}") ? name : "(unknown)";
    }
}
