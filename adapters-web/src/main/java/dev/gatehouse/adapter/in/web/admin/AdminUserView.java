package dev.gatehouse.adapter.in.web.admin;

import dev.gatehouse.domain.user.UserAccount;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** An account as an administrator sees it. Never the password hash. */
@Serdeable
record AdminUserView(String id, String email, String name, Instant createdAt, boolean emailVerified, boolean disabled) {

    static AdminUserView of(UserAccount account) {
        return new AdminUserView(account.id().toString(), account.email().value(), account.name().value(), account.createdAt(),
                account.emailVerified(), account.isDisabled());
    }
}
