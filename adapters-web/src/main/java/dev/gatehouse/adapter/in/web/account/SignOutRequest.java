package dev.gatehouse.adapter.in.web.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The JSON body of {@code POST /auth/sign-out} for body clients; without it the bearer token or the cookie names the session. */
@Serdeable
record SignOutRequest(@Nullable String refreshToken) {

    @Override
    public String toString() {
        return "SignOutRequest[redacted]";
    }
}
