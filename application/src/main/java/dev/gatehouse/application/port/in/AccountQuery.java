package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.user.UserAccount;
import dev.gatehouse.domain.user.UserId;
import java.util.Optional;

/** Reads an account, e.g. for {@code GET /auth/me}. */
public interface AccountQuery {

    Optional<UserAccount> account(UserId id);
}
