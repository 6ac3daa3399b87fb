package dev.gatehouse.adapter.in.web.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /auth/register}, read by {@code StrictJson}. A missing {@code clientId} is
 * answered like an unknown one ({@code 401 invalid_client}); the use case checks the other fields' rules.
 */
@Serdeable
@Schema(requiredProperties = {"email", "password", "name", "clientId"})
record RegistrationRequest(
        @Schema(format = "email") String email,
        @Schema(format = "password", minLength = 8, maxLength = 256, description = "NFKC-normalised, never trimmed") String password,
        @Schema(minLength = 1, maxLength = 200) String name,
        // @Nullable lets StrictJson take a body without it (answered 401 invalid_client); a null is no string (400)
        @Schema(description = "A configured client, e.g. `api` or `web`", nullable = false) @Nullable String clientId) {

    @Override
    public String toString() {
        return "RegistrationRequest[clientId=" + clientId + ", input redacted]";
    }
}
