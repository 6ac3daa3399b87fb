package dev.gatehouse.adapter.in.web.body;

import dev.gatehouse.adapter.in.web.problem.Problem;
import java.util.List;

/**
 * A request body the endpoint cannot read. The message and the field errors are safe to show: they never
 * repeat the input (only field names this service defines, or {@code (unknown)}). Answered as a 400 problem.
 */
public final class MalformedBodyException extends RuntimeException {

    private final transient List<Problem.FieldError> errors;

    public MalformedBodyException(String message) {
        this(message, List.of());
    }

    MalformedBodyException(String message, List<Problem.FieldError> errors) {
        super(message, null, false, false);
        this.errors = List.copyOf(errors);
    }

    /** The fields at fault; empty when the body as a whole is. */
    List<Problem.FieldError> errors() {
        return errors;
    }
}
