package dev.gatehouse.domain.event;

import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.user.EmailPseudonym;
import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * Something security-relevant happened; kept for audit and alerting. Never holds a password, a token or
 * an e-mail address (an attempted e-mail appears only as its {@link EmailPseudonym}).
 *
 * @param user          the account concerned, or {@code null} when there is none (unknown email)
 * @param session       the session concerned, or {@code null}
 * @param client        the client concerned, or {@code null}
 * @param detail        a short machine-readable reason (e.g. {@code unknown_account}), or empty
 * @param clientAddress the network address the request came from (kept to its first {@value #MAX_ADDRESS} characters), or {@code null}
 * @param attemptedEmail the pseudonym of the e-mail a sign-in tried, or {@code null}
 */
public record SecurityEvent(SecurityEventType type, Instant at, UserId user, FamilyId session, ClientId client, String detail,
        String clientAddress, EmailPseudonym attemptedEmail) {

    /** The longest client address an event keeps. */
    public static final int MAX_ADDRESS = 64;

    public SecurityEvent {
        if (clientAddress != null && clientAddress.length() > MAX_ADDRESS) {
            clientAddress = clientAddress.substring(0, MAX_ADDRESS);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
    }

    /** An event of no particular request origin. */
    public SecurityEvent(SecurityEventType type, Instant at, UserId user, FamilyId session, ClientId client, String detail) {
        this(type, at, user, session, client, detail, null, null);
    }
}
