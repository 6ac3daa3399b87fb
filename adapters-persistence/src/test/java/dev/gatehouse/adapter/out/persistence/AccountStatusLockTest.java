package dev.gatehouse.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.application.testing.StoreFixtures;
import dev.gatehouse.domain.token.RevocationReason;
import dev.gatehouse.domain.user.AccountStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's part in disabling an account: the status change locks the account row, so that a session
 * being stored meanwhile waits for the transaction (and is then found by a sign-in's second look).
 */
class AccountStatusLockTest {

    private final UserAccounts accounts = Database.bean(UserAccounts.class);
    private final RefreshTokenFamilies families = Database.bean(RefreshTokenFamilies.class);
    private final Transactions transactions = Database.bean(Transactions.class);

    @Test
    void no_session_is_added_while_a_status_change_is_uncommitted() throws Exception {
        var account = StoreFixtures.anAccount();
        accounts.add(account);
        var changed = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        CompletableFuture<Integer> disabling = CompletableFuture.supplyAsync(() -> transactions.inTransaction(() -> {
            accounts.changeStatus(account.id(), AccountStatus.DISABLED);
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
        assertThat(disabling.get(10, TimeUnit.SECONDS)).isZero();
        signingIn.get(10, TimeUnit.SECONDS);
        assertThat(accounts.findById(account.id()).orElseThrow().isDisabled())
                .as("the session came after the change, so a sign-in reading the account now finds it disabled").isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
