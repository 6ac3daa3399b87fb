package dev.gatehouse.adapter.in.web.account;

import dev.gatehouse.domain.user.UserAccount;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** An account as its owner sees it. Never the password hash. */
@Serdeable
public record UserView(String id, String email, String name, Instant createdAt, boolean emailVerified) {

    public static UserView of(UserAccount account) {
        return new UserView(account.id().toString(), account.email().value(), account.name().value(), account.createdAt(),
                account.emailVerified());
    }
}
