package dev.gatehouse.adapter.in.web;

import dev.gatehouse.domain.user.UserAccount;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** An account as its owner sees it. Never the password hash. */
@Serdeable
record UserView(String id, String email, String name, Instant createdAt) {

    static UserView of(UserAccount account) {
        return new UserView(account.id().toString(), account.email().value(), account.name().value(), account.createdAt());
    }
}
