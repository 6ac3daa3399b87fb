package dev.gatehouse.adapter.out.persistence;

import static dev.gatehouse.application.testing.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.ResetRequestCounts;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.application.port.out.SignInAttempts;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.application.port.out.mail.EmailTokens;
import dev.gatehouse.application.port.out.mail.OutgoingMails;
import dev.gatehouse.application.service.lifecycle.AccountEraser;
import dev.gatehouse.application.service.lifecycle.AccountTraces;
import dev.gatehouse.application.testing.StoreFixtures;
import dev.gatehouse.domain.token.RevocationReason;
import dev.gatehouse.domain.user.AccountStatus;
import dev.gatehouse.domain.user.EmailPseudonym;
import dev.gatehouse.domain.user.EmailToken;
import dev.gatehouse.domain.user.EmailTokenPolicy;
import dev.gatehouse.domain.user.EmailTokenPurpose;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.domain.user.UserAccount;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The lock order of account transactions ({@link UserAccounts}: the account first, then its sessions and
 * e-mail tokens), on PostgreSQL: a transaction that changes an account and stalls before it touches the rest
 * makes an erasure or a token's consumer wait, and neither deadlocks with it (which PostgreSQL answers by
 * aborting one of them: a 503 to its caller).
 */
class AccountLockOrderTest {

    private static final EmailTokenPolicy POLICY = EmailTokenPolicy.withResetTtl(Duration.ofMinutes(30));

    private final UserAccounts accounts = Database.bean(UserAccounts.class);
    private final RefreshTokenFamilies families = Database.bean(RefreshTokenFamilies.class);
    private final EmailTokens tokens = Database.bean(EmailTokens.class);
    private final Transactions transactions = Database.bean(Transactions.class);
    private final AccountEraser eraser = new AccountEraser(accounts, families, tokens, Database.bean(OutgoingMails.class), new AccountTraces(
            Database.bean(SignInAttempts.class), Database.bean(ResetRequestCounts.class),
            email -> new EmailPseudonym("pseudonym-" + email.value().hashCode()), Database.bean(SecurityEvents.class)));

    /** Disabling locks the account, then ends its sessions; an erasure meanwhile must not hold those sessions. */
    @Test
    void an_erasure_waits_for_an_account_being_disabled_and_then_erases_it() throws Exception {
        UserAccount account = anAccountWithASessionAndAToken();

        Boolean erased = waitsForTheAccount(stored -> accounts.changeStatus(stored.id(), AccountStatus.DISABLED),
                stored -> assertThat(families.revokeAllOf(stored.id(), RevocationReason.ACCOUNT_DISABLED, T0.plusSeconds(1))).isOne(),
                () -> transactions.inTransaction(() -> eraser.erase(account)), account);

        assertThat(erased).isTrue();
        assertThat(accounts.findById(account.id())).isEmpty();
    }

    /** A password change locks the account, then deletes its reset link; a reset with that link meanwhile must wait. */
    @Test
    void a_reset_link_spent_while_a_password_change_is_uncommitted_waits_and_finds_it_deleted() throws Exception {
        UserAccount account = anAccountWithASessionAndAToken();
        TokenHash link = aResetToken(account);

        Optional<?> consumed = waitsForTheAccount(stored -> assertThat(accounts.replacePasswordHash(stored.id(), stored.passwordHash(),
                        StoreFixtures.anAccount().passwordHash())).isTrue(),
                stored -> tokens.delete(stored.id(), EmailTokenPurpose.PASSWORD_RESET),
                () -> transactions.inTransaction(() -> tokens.consume(link, EmailTokenPurpose.PASSWORD_RESET, T0.plusSeconds(1))
                        .map(user -> {
                            accounts.updatePasswordHash(user, StoreFixtures.anAccount().passwordHash());
                            return user;
                        })), account);

        assertThat(consumed).as("the change deleted the link before the reset could spend it").isEmpty();
    }

    /** An e-mail verification spends its link, then marks the account; an erasure meanwhile must not deadlock with it. */
    @Test
    void a_verification_link_spent_while_an_erasure_is_uncommitted_waits_and_finds_the_account_gone() throws Exception {
        UserAccount account = anAccountWithASessionAndAToken();
        TokenHash link = aToken(account, EmailTokenPurpose.EMAIL_VERIFICATION);

        Optional<?> consumed = waitsForTheAccount(stored -> assertThat(accounts.lock(stored.id())).isTrue(),
                eraser::erase,
                () -> transactions.inTransaction(() -> tokens.consume(link, EmailTokenPurpose.EMAIL_VERIFICATION, T0.plusSeconds(1))
                        .map(user -> {
                            accounts.markEmailVerified(user);
                            return user;
                        })), account);

        assertThat(consumed).isEmpty();
    }

    /**
     * Runs {@code first} on the account in a transaction that then stalls, starts {@code second} meanwhile and
     * checks that it waits (and has not taken the account's e-mail tokens or sessions, which {@code then}
     * needs), lets the transaction go on with {@code then} and commit, and returns what {@code second} returned.
     */
    private <T> T waitsForTheAccount(Consumer<UserAccount> first, Consumer<UserAccount> then,
            java.util.function.Supplier<T> second, UserAccount account) throws Exception {
        var locked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        CompletableFuture<Void> changing = CompletableFuture.runAsync(() -> transactions.inTransaction(() -> {
            first.accept(account);
            locked.countDown();
            await(release);
            then.accept(account);
            return null;
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<T> waiting = CompletableFuture.supplyAsync(second);

        assertThatThrownBy(() -> waiting.get(500, TimeUnit.MILLISECONDS)).as("it waits for the account")
                .isInstanceOf(TimeoutException.class);
        release.countDown();
        changing.get(10, TimeUnit.SECONDS);
        return waiting.get(10, TimeUnit.SECONDS);
    }

    private UserAccount anAccountWithASessionAndAToken() {
        UserAccount account = StoreFixtures.anAccount();
        accounts.add(account);
        families.add(StoreFixtures.aFamilyOf(account, T0));
        return account;
    }

    private TokenHash aResetToken(UserAccount account) {
        return aToken(account, EmailTokenPurpose.PASSWORD_RESET);
    }

    private TokenHash aToken(UserAccount account, EmailTokenPurpose purpose) {
        EmailToken token = EmailToken.issue(new TokenHash(UUID.randomUUID().toString()), account.id(), purpose, T0, POLICY);
        tokens.replace(token);
        return token.hash();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
