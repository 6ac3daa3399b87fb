package dev.gatehouse.adapter.in.web.account;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.gatehouse.adapter.in.web.oauth.TokenResponse;
import io.micronaut.serde.annotation.Serdeable;

/** The token response of a sign-in (its members at the top level), plus the new account as {@code user}. */
@Serdeable
record RegistrationResponse(@JsonUnwrapped TokenResponse tokens, UserView user) {
}
