package dev.gatehouse.application.port.in;

/** One input field that broke a rule; the message never echoes the input. */
public record FieldViolation(String field, String message) {
}
