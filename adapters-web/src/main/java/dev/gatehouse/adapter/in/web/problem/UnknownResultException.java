package dev.gatehouse.adapter.in.web.problem;

/**
 * A use case returned a variant of its sealed result that the controller has no answer for: a bug (a
 * variant was added without its answer), answered 500 rather than with some other variant's answer. Java 17
 * has no exhaustive {@code switch} over sealed types, so every {@code instanceof} chain ends in this.
 * The message names the variant's class only, never its content (which may hold tokens).
 */
public final class UnknownResultException extends IllegalStateException {

    public UnknownResultException(Object result) {
        super("unknown result " + (result == null ? "null" : result.getClass().getName()));
    }
}
