package dev.gatehouse.adapter.in.web.archfixture;

import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.domain.user.UserId;
import java.util.UUID;

/** Breaks the controller rule on purpose (a controller using an out-port); only for ArchitectureRulesCanFailTest. */
public class RepositoryReachingController {

    private final UserAccounts accounts;

    public RepositoryReachingController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    public boolean exists(String id) {
        return accounts.findById(new UserId(UUID.fromString(id))).isPresent();
    }
}
