package dev.gatehouse.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.application.testing.StoreFixtures;
import dev.gatehouse.domain.token.RevocationReason;
import dev.gatehouse.domain.user.AccountStatus;
import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.UserAccount;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's part in disabling an account and in resetting or changing its password: the change locks the
 * account row, so that a session being stored meanwhile waits for the transaction (and is then found by a
 * sign-in's second look, which sees the change).
 */
class AccountStatusLockTest {

    private static final PasswordHash NEW_HASH = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$bmV3$bmV3aGFzaA");

    private final UserAccounts accounts = Database.bean(UserAccounts.class);
    private final RefreshTokenFamilies families = Database.bean(RefreshTokenFamilies.class);
    private final Transactions transactions = Database.bean(Transactions.class);

    @Test
    void no_session_is_added_while_a_status_change_is_uncommitted() throws Exception {
        UserAccount account = sessionWaitsFor(stored -> accounts.changeStatus(stored.id(), AccountStatus.DISABLED));
        assertThat(account.isDisabled()).as("the session came after the change, so a sign-in reading the account now finds it disabled")
                .isTrue();
    }

    @Test
    void no_session_is_added_while_a_password_reset_is_uncommitted() throws Exception {
        UserAccount account = sessionWaitsFor(stored -> accounts.updatePasswordHash(stored.id(), NEW_HASH));
        assertThat(account.passwordHash()).as("a sign-in reading the account now finds the new password").isEqualTo(NEW_HASH);
    }

    @Test
    void no_session_is_added_while_a_password_change_is_uncommitted() throws Exception {
        UserAccount account = sessionWaitsFor(stored -> assertThat(accounts.replacePasswordHash(stored.id(), stored.passwordHash(), NEW_HASH))
                .isTrue());
        assertThat(account.passwordHash()).as("a sign-in reading the account now finds the new password").isEqualTo(NEW_HASH);
    }

    /**
     * Runs {@code change} in a transaction that then stalls, stores a session meanwhile, and checks that the
     * session waits for the commit; the account as read once the session is stored.
     */
    private UserAccount sessionWaitsFor(Consumer<UserAccount> change) throws Exception {
        var account = StoreFixtures.anAccount();
        accounts.add(account);
        var changed = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        CompletableFuture<Integer> changing = CompletableFuture.supplyAsync(() -> transactions.inTransaction(() -> {
            change.accept(account);
            changed.countDown();
            await(release);
            return families.revokeAllOf(account.id(), RevocationReason.ACCOUNT_DISABLED, StoreFixtures.T0.plusSeconds(1));
        }));
        assertThat(changed.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> signingIn = CompletableFuture.runAsync(
                () -> families.add(StoreFixtures.aFamilyOf(account, StoreFixtures.T0)));

        assertThatThrownBy(() -> signingIn.get(500, TimeUnit.MILLISECONDS)).as("the new session waits for the change")
                .isInstanceOf(TimeoutException.class);
        release.countDown();
        assertThat(changing.get(10, TimeUnit.SECONDS)).isZero();
        signingIn.get(10, TimeUnit.SECONDS);
        return accounts.findById(account.id()).orElseThrow();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
