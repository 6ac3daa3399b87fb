package dev.gatehouse.adapter.out.persistence;

import static dev.gatehouse.application.testing.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.application.port.out.mail.EmailTokens;
import dev.gatehouse.domain.user.EmailToken;
import dev.gatehouse.domain.user.EmailTokenPolicy;
import dev.gatehouse.domain.user.EmailTokenPurpose;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.application.testing.StoreFixtures;
import dev.gatehouse.domain.user.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class JdbcEmailTokensTest {

    private static final EmailTokenPolicy POLICY = EmailTokenPolicy.withResetTtl(Duration.ofMinutes(30));
    private static final EmailTokenPurpose RESET = EmailTokenPurpose.PASSWORD_RESET;
    private static final EmailTokenPurpose VERIFY = EmailTokenPurpose.EMAIL_VERIFICATION;

    private final EmailTokens tokens = Database.bean(EmailTokens.class);
    private final UserAccounts accounts = Database.bean(UserAccounts.class);

    @Test
    void a_token_is_found_by_hash_and_purpose_until_it_expires() {
        EmailToken token = aStoredToken(RESET);
        assertThat(tokens.findValid(token.hash(), RESET, T0.plusSeconds(1))).contains(token);
        assertThat(tokens.findValid(token.hash(), VERIFY, T0.plusSeconds(1))).as("another purpose").isEmpty();
        assertThat(tokens.findValid(token.hash(), RESET, token.expiresAt())).as("expired").isEmpty();
        assertThat(tokens.findValid(aHash(), RESET, T0)).isEmpty();
    }

    @Test
    void a_token_is_consumed_once_and_never_when_expired_or_of_another_purpose() {
        EmailToken token = aStoredToken(VERIFY);
        assertThat(tokens.consume(token.hash(), RESET, T0)).isEmpty();
        assertThat(tokens.consume(token.hash(), VERIFY, token.expiresAt())).isEmpty();
        assertThat(tokens.consume(token.hash(), VERIFY, T0)).contains(token.user());
        assertThat(tokens.consume(token.hash(), VERIFY, T0)).isEmpty();
    }

    @Test
    void of_racing_consumers_of_one_token_exactly_one_gets_it() throws Exception {
        EmailToken token = aStoredToken(RESET);
        int racers = 16;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Optional<?>>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return tokens.consume(token.hash(), RESET, T0.plusSeconds(1));
                }));
            }
            start.countDown();
            int winners = 0;
            for (var result : results) {
                winners += result.get().isPresent() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_new_token_replaces_the_users_earlier_one_of_the_same_purpose_only() {
        EmailToken first = aStoredToken(RESET);
        EmailToken verification = EmailToken.issue(aHash(), first.user(), VERIFY, T0, POLICY);
        tokens.replace(verification);
        EmailToken second = EmailToken.issue(aHash(), first.user(), RESET, T0.plusSeconds(5), POLICY);
        tokens.replace(second);

        assertThat(tokens.findValid(first.hash(), RESET, T0.plusSeconds(6))).isEmpty();
        assertThat(tokens.findValid(second.hash(), RESET, T0.plusSeconds(6))).contains(second);
        assertThat(tokens.findValid(verification.hash(), VERIFY, T0.plusSeconds(6))).contains(verification);
    }

    @Test
    void decoys_are_stored_but_never_found_nor_consumed_and_are_purged_when_expired() {
        TokenHash decoy = aHash();
        Instant longAgo = T0.minus(Duration.ofDays(400));
        tokens.addDecoy(decoy, longAgo, longAgo.plus(Duration.ofMinutes(30)));
        tokens.addDecoy(aHash(), longAgo, longAgo.plus(Duration.ofMinutes(30)));
        assertThat(tokens.findValid(decoy, RESET, longAgo)).isEmpty();
        assertThat(tokens.consume(decoy, RESET, longAgo)).isEmpty();

        EmailToken live = aStoredToken(RESET);
        int purged = 0;
        for (int batch = tokens.purgeExpiredBefore(T0, 1); batch == 1; batch = tokens.purgeExpiredBefore(T0, 1)) {
            purged += batch;
        }
        assertThat(purged).isGreaterThanOrEqualTo(2);
        assertThat(tokens.findValid(live.hash(), RESET, T0)).contains(live);
    }

    @Test
    void deleting_a_users_token_of_one_purpose_leaves_the_other_and_other_users() {
        EmailToken reset = aStoredToken(RESET);
        EmailToken verification = EmailToken.issue(aHash(), reset.user(), VERIFY, T0, POLICY);
        tokens.replace(verification);
        EmailToken anothersReset = aStoredToken(RESET);

        tokens.delete(reset.user(), RESET);

        assertThat(tokens.consume(reset.hash(), RESET, T0)).isEmpty();
        assertThat(tokens.findValid(verification.hash(), VERIFY, T0)).contains(verification);
        assertThat(tokens.findValid(anothersReset.hash(), RESET, T0)).contains(anothersReset);
    }

    @Test
    void a_users_tokens_are_deleted_with_them_or_on_their_own() {
        EmailToken token = aStoredToken(RESET);
        tokens.deleteAllOf(token.user());
        assertThat(tokens.findValid(token.hash(), RESET, T0)).isEmpty();

        EmailToken another = aStoredToken(VERIFY);
        accounts.delete(another.user());
        assertThat(tokens.consume(another.hash(), VERIFY, T0)).as("cascaded with the account").isEmpty();
    }

    private EmailToken aStoredToken(EmailTokenPurpose purpose) {
        UserAccount account = StoreFixtures.anAccount();
        accounts.add(account);
        EmailToken token = EmailToken.issue(aHash(), account.id(), purpose, T0, POLICY);
        tokens.replace(token);
        return token;
    }

    private static TokenHash aHash() {
        return new TokenHash(UUID.randomUUID().toString());
    }
}
