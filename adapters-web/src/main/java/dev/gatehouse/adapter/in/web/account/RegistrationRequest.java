package dev.gatehouse.adapter.in.web.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of {@code POST /auth/register}, read by {@code StrictJson}. A missing {@code clientId} is
 * answered like an unknown one ({@code 401 invalid_client}); the use case checks the other fields' rules.
 */
@Serdeable
record RegistrationRequest(String email, String password, String name, @Nullable String clientId) {

    @Override
    public String toString() {
        return "RegistrationRequest[clientId=" + clientId + ", input redacted]";
    }
}
