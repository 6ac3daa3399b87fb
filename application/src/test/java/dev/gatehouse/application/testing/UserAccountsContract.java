package dev.gatehouse.application.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.port.out.EmailAlreadyRegisteredException;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.domain.user.AccountStatus;
import dev.gatehouse.domain.user.DisplayName;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.UserAccount;
import dev.gatehouse.domain.user.UserId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link UserAccounts} does, run against the in-memory fake and against PostgreSQL. */
public abstract class UserAccountsContract {

    protected abstract UserAccounts accounts();

    @Test
    void an_account_is_found_by_id_and_by_email() {
        UserAccount account = StoreFixtures.anAccount();
        accounts().add(account);
        assertThat(accounts().findById(account.id())).contains(account);
        assertThat(accounts().findByEmail(account.email())).contains(account);
        assertThat(accounts().findByEmail(EmailAddress.of("nobody-" + UUID.randomUUID() + "@example.com"))).isEmpty();
        assertThat(accounts().findById(new UserId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void a_second_account_with_the_same_email_is_refused() {
        UserAccount first = StoreFixtures.anAccount();
        accounts().add(first);
        UserAccount sameEmail = new UserAccount(new UserId(UUID.randomUUID()), first.email(), new DisplayName("Other"),
                first.passwordHash(), first.createdAt());
        assertThatThrownBy(() -> accounts().add(sameEmail)).isInstanceOf(EmailAlreadyRegisteredException.class);
        assertThat(accounts().findById(sameEmail.id())).isEmpty();
        assertThat(accounts().findByEmail(first.email())).contains(first);
    }

    @Test
    void the_password_hash_can_be_replaced() {
        UserAccount account = StoreFixtures.anAccount();
        accounts().add(account);
        var upgraded = new PasswordHash("$argon2id$v=19$m=65536,t=3,p=1$bmV3c2FsdG5ld3NhbHQ$bmV3aGFzaA");
        accounts().updatePasswordHash(account.id(), upgraded);
        assertThat(accounts().findById(account.id())).contains(account.withPasswordHash(upgraded));
    }

    @Test
    void a_password_hash_is_replaced_only_while_it_is_the_expected_one() {
        UserAccount account = StoreFixtures.anAccount();
        accounts().add(account);
        var first = new PasswordHash("$argon2id$v=19$m=65536,t=3,p=1$Zmlyc3RzYWx0Zmlyc3Q$Zmlyc3RoYXNo");
        var second = new PasswordHash("$argon2id$v=19$m=65536,t=3,p=1$c2Vjb25kc2FsdHNlYw$c2Vjb25kaGFzaA");
        assertThat(accounts().replacePasswordHash(account.id(), account.passwordHash(), first)).isTrue();
        assertThat(accounts().replacePasswordHash(account.id(), account.passwordHash(), second)).as("a change made against the old hash").isFalse();
        assertThat(accounts().findById(account.id())).contains(account.withPasswordHash(first));
        assertThat(accounts().replacePasswordHash(StoreFixtures.anAccount().id(), first, second)).as("no such account").isFalse();
    }

    @Test
    void an_address_is_unverified_until_marked() {
        UserAccount account = StoreFixtures.anAccount();
        accounts().add(account);
        assertThat(accounts().findById(account.id()).orElseThrow().emailVerified()).isFalse();
        accounts().markEmailVerified(account.id());
        assertThat(accounts().findById(account.id())).contains(account.withEmailVerified());
    }

    @Test
    void a_deleted_account_frees_its_address() {
        UserAccount account = StoreFixtures.anAccount();
        accounts().add(account);
        assertThat(accounts().delete(account.id())).isTrue();
        assertThat(accounts().delete(account.id())).isFalse();
        assertThat(accounts().findByEmail(account.email())).isEmpty();
    }

    @Test
    void an_account_is_disabled_and_enabled_again() {
        UserAccount account = StoreFixtures.anAccount();
        accounts().add(account);
        assertThat(accounts().changeStatus(account.id(), AccountStatus.DISABLED)).isTrue();
        assertThat(accounts().findById(account.id())).contains(account.withStatus(AccountStatus.DISABLED));
        assertThat(accounts().findByEmail(account.email()).orElseThrow().isDisabled()).isTrue();
        assertThat(accounts().changeStatus(account.id(), AccountStatus.ACTIVE)).isTrue();
        assertThat(accounts().findById(account.id())).contains(account);
        assertThat(accounts().changeStatus(new UserId(UUID.randomUUID()), AccountStatus.DISABLED)).isFalse();
    }

    @Test
    void locking_an_account_tells_whether_there_is_one_and_changes_nothing() {
        UserAccount account = StoreFixtures.anAccount();
        accounts().add(account);
        assertThat(accounts().lock(account.id())).isTrue();
        assertThat(accounts().findById(account.id())).contains(account);
        accounts().delete(account.id());
        assertThat(accounts().lock(account.id())).isFalse();
    }
}
