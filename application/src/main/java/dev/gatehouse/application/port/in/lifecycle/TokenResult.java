package dev.gatehouse.application.port.in.lifecycle;

import dev.gatehouse.application.port.in.FieldViolation;
import java.util.List;

/** What presenting an e-mail token did. */
public sealed interface TokenResult {

    /** The token was valid and is spent; what it was for is done. */
    record Accepted() implements TokenResult {
    }

    /** Spent, expired, unknown, malformed or for another purpose: one answer for all; nothing changed. */
    record InvalidToken() implements TokenResult {
    }

    /** Other input broke a rule (e.g. the new password is too short); the token was not spent. */
    record Rejected(List<FieldViolation> violations) implements TokenResult {
    }
}
