package dev.gatehouse.application.service.lifecycle;

import dev.gatehouse.application.port.out.AccountDeletedException;
import dev.gatehouse.application.port.out.mail.EmailTokenCodec;
import dev.gatehouse.application.port.out.mail.EmailTokenCodec.NewToken;
import dev.gatehouse.application.port.out.mail.EmailTokens;
import dev.gatehouse.domain.user.EmailToken;
import dev.gatehouse.domain.user.EmailTokenPolicy;
import dev.gatehouse.domain.user.EmailTokenPurpose;
import dev.gatehouse.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Issues and redeems the tokens of e-mail links: a fresh random token per link, only its keyed hash
 * stored, one live token per account and purpose. A presented string that cannot be a token never
 * reaches the store.
 */
public final class EmailTokenIssuer {

    private final EmailTokenCodec codec;
    private final EmailTokens tokens;
    private final EmailTokenPolicy policy;

    public EmailTokenIssuer(EmailTokenCodec codec, EmailTokens tokens, EmailTokenPolicy policy) {
        this.codec = codec;
        this.tokens = tokens;
        this.policy = policy;
    }

    /**
     * A new token for {@code user} and {@code purpose}, stored in place of any earlier one; the plain token goes in
     * the mail. None when the account was deleted meanwhile: there is nobody to send it to.
     */
    Optional<String> issue(UserId user, EmailTokenPurpose purpose, Instant now) {
        NewToken token = codec.generate();
        try {
            tokens.replace(EmailToken.issue(token.hash(), user, purpose, now, policy));
        } catch (AccountDeletedException deleted) {
            return Optional.empty();
        }
        return Optional.of(token.token());
    }

    /** The work of {@link #issue} for nobody: a token of {@code purpose} is made, hashed and stored as a decoy, never sent. */
    void issueForNobody(EmailTokenPurpose purpose, Instant now) {
        tokens.addDecoy(codec.generate().hash(), now, now.plus(policy.ttlOf(purpose)));
    }

    /** Whether {@code presented} is a valid token of {@code purpose} at {@code now}; spends nothing. */
    boolean isValid(String presented, EmailTokenPurpose purpose, Instant now) {
        return codec.hashesOf(presented).stream().anyMatch(hash -> tokens.findValid(hash, purpose, now).isPresent());
    }

    /** Spends {@code presented} if it is a valid token of {@code purpose}; its user. At most one of racing callers gets it. */
    Optional<UserId> consume(String presented, EmailTokenPurpose purpose, Instant now) {
        return codec.hashesOf(presented).stream().map(hash -> tokens.consume(hash, purpose, now)).flatMap(Optional::stream).findFirst();
    }

    Duration lifetimeOf(EmailTokenPurpose purpose) {
        return policy.ttlOf(purpose);
    }
}
