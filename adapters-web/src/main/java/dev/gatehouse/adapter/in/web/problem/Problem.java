package dev.gatehouse.adapter.in.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code errors} lists field violations (validation only); {@code error}
 * is the OAuth error code where one applies (e.g. {@code invalid_client} on registration).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, @Nullable List<FieldError> errors, @Nullable String error) {

    /** One input field that broke a rule. */
    @Serdeable
    public record FieldError(String field, String message) {
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status().getCode(), detail, null, null);
    }
}
