package dev.gatehouse.application.port.out.mail;

import dev.gatehouse.domain.user.EmailToken;
import dev.gatehouse.domain.user.EmailTokenPurpose;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * The stored e-mail tokens, by hash. Single use holds across service instances: {@link #consume} is one
 * conditional delete in the store, so of concurrent consumers of one token exactly one gets it.
 */
public interface EmailTokens {

    /**
     * Stores the token, replacing any earlier token of the same user and purpose: only the newest link works.
     *
     * @throws dev.gatehouse.application.port.out.AccountDeletedException when the user's account is gone (deleted meanwhile)
     */
    void replace(EmailToken token);

    /**
     * Stores a token that belongs to nobody and was never sent, for a request about an unknown e-mail
     * address: the same write as {@link #replace}, so that both cost the same. It can never be found or
     * consumed, and is purged when it expires like any token.
     */
    void addDecoy(TokenHash hash, Instant createdAt, Instant expiresAt);

    /** The token with this hash and purpose if it is still valid at {@code now}; nothing is spent. */
    Optional<EmailToken> findValid(TokenHash hash, EmailTokenPurpose purpose, Instant now);

    /**
     * Spends the token with this hash and purpose if it is still valid at {@code now}, and returns its user.
     * Atomic: of any number of concurrent calls with one token, at most one returns a user. Inside a transaction
     * the token's account is locked first, until the end, as {@link dev.gatehouse.application.port.out.UserAccounts#lock}
     * does (the lock order of account transactions), then the token is spent.
     */
    Optional<UserId> consume(TokenHash hash, EmailTokenPurpose purpose, Instant now);

    /** Deletes the user's token of this purpose, if any: a link sent for it no longer works. */
    void delete(UserId user, EmailTokenPurpose purpose);

    /** Deletes every token of the user. */
    void deleteAllOf(UserId user);

    /** Deletes at most {@code limit} tokens that expired before {@code before}; returns how many. */
    int purgeExpiredBefore(Instant before, int limit);
}
