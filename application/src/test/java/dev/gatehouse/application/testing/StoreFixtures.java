package dev.gatehouse.application.testing;

import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.token.RefreshTokenFamily;
import dev.gatehouse.domain.token.TokenPolicy;
import dev.gatehouse.domain.user.DisplayName;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.UserAccount;
import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;

/** Aggregates for store tests: fresh ids every time, so tests share one database without seeing each other. */
public final class StoreFixtures {

    public static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    public static final TokenPolicy POLICY = TokenPolicy.defaults();
    public static final ClientId API = new ClientId("api");

    private StoreFixtures() {
    }

    public static UserAccount anAccount() {
        return new UserAccount(new UserId(UUID.randomUUID()), EmailAddress.of("u-" + UUID.randomUUID() + "@example.com"),
                new DisplayName("Someone"), new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaA"), T0);
    }

    public static RefreshTokenFamily aFamilyOf(UserAccount account, Instant startedAt) {
        return RefreshTokenFamily.start(new FamilyId(UUID.randomUUID()), account.id(), API, "JUnit/5", startedAt, POLICY);
    }
}
