package dev.gatehouse.application.service.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.out.mail.EmailTokenCodec;
import dev.gatehouse.application.testing.InMemoryEmailTokens;
import dev.gatehouse.application.testing.InMemoryUserAccounts;
import dev.gatehouse.application.testing.StoreFixtures;
import dev.gatehouse.domain.user.EmailTokenPolicy;
import dev.gatehouse.domain.user.EmailTokenPurpose;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.domain.user.UserAccount;
import dev.gatehouse.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A link is redeemed under whichever of the codec's keys stored it: the current one or an earlier one still held. */
class EmailTokenIssuerTest {

    private static final Instant NOW = Instant.parse("2026-12-02T01:00:00Z");
    private static final EmailTokenPurpose RESET = EmailTokenPurpose.PASSWORD_RESET;

    private final InMemoryUserAccounts accounts = new InMemoryUserAccounts();
    private final InMemoryEmailTokens store = new InMemoryEmailTokens(accounts);
    private final UserId ada = stored(StoreFixtures.anAccount());

    @Test
    void a_token_stored_under_an_earlier_key_is_valid_and_spent_once() {
        String token = new EmailTokenIssuer(keyedBy("old"), store, policy()).issue(ada, RESET, NOW).orElseThrow();
        var rotated = new EmailTokenIssuer(keyedBy("new", "old"), store, policy());

        assertThat(rotated.isValid(token, RESET, NOW)).isTrue();
        assertThat(rotated.consume(token, RESET, NOW)).contains(ada);
        assertThat(rotated.consume(token, RESET, NOW)).as("spent").isEmpty();
    }

    @Test
    void a_token_stored_under_a_key_no_longer_held_is_invalid() {
        String token = new EmailTokenIssuer(keyedBy("old"), store, policy()).issue(ada, RESET, NOW).orElseThrow();
        var withoutOld = new EmailTokenIssuer(keyedBy("new"), store, policy());

        assertThat(withoutOld.isValid(token, RESET, NOW)).isFalse();
        assertThat(withoutOld.consume(token, RESET, NOW)).isEmpty();
    }

    private static EmailTokenPolicy policy() {
        return EmailTokenPolicy.withResetTtl(Duration.ofMinutes(30));
    }

    /** Tokens {@code tok}, hashed as {@code <key>(tok)} under each key, the first key minting. */
    private static EmailTokenCodec keyedBy(String... keys) {
        return new EmailTokenCodec() {
            @Override
            public NewToken generate() {
                return new NewToken("tok", hashesOf("tok").get(0));
            }

            @Override
            public List<TokenHash> hashesOf(String presented) {
                return List.of(keys).stream().map(key -> new TokenHash(key + "(" + presented + ")")).toList();
            }
        };
    }

    private UserId stored(UserAccount account) {
        accounts.add(account);
        return account.id();
    }
}
