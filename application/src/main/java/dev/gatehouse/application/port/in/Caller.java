package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.user.UserId;

/**
 * Who is calling a protected endpoint: the user and session of a verified, live access token, and the network
 * address the request came from (for security events and throttling), or {@code null} where none is known.
 */
public record Caller(UserId user, FamilyId session, ClientId client, String clientAddress) {

    /** A caller known by its token only, not yet by the request's address. */
    public Caller(UserId user, FamilyId session, ClientId client) {
        this(user, session, client, null);
    }

    /** The same caller, calling from {@code address}. */
    public Caller from(String address) {
        return new Caller(user, session, client, address);
    }
}
