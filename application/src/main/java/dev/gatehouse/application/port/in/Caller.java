package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.user.UserId;

/** Who is calling a protected endpoint: the user and session of a verified, live access token. */
public record Caller(UserId user, FamilyId session, ClientId client) {
}
