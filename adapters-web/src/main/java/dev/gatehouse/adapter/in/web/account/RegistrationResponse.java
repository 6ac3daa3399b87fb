package dev.gatehouse.adapter.in.web.account;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.gatehouse.adapter.in.web.oauth.TokenResponse;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The token response of a sign-in (its members at the top level), plus the new account as {@code user}. A registration
 * always starts a session: the session's members, optional in a token response, are always present here.
 */
@Serdeable
@Schema(requiredProperties = {"access_token", "token_type", "expires_in", "refresh_expires_in", "session_id", "user_id", "user"})
record RegistrationResponse(@JsonUnwrapped TokenResponse tokens, UserView user) {
}
