package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.AccountDeletedException;
import dev.gatehouse.application.port.out.mail.EmailTokens;
import dev.gatehouse.domain.user.EmailToken;
import dev.gatehouse.domain.user.EmailTokenPurpose;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tokens in a map by hash; {@link #consume} is a synchronized remove with exactly the port's conditions. A token
 * needs its account, as the store's foreign key does.
 */
public final class InMemoryEmailTokens implements EmailTokens {

    private final InMemoryUserAccounts accounts;
    private final Map<TokenHash, EmailToken> tokens = new LinkedHashMap<>();
    private int decoys;
    /** Runs before a token is stored: lets a test act between a use case's reading and its writing. */
    public Runnable beforeStoring = () -> { };

    public InMemoryEmailTokens(InMemoryUserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public synchronized void replace(EmailToken token) {
        beforeStoring.run();
        if (accounts.findById(token.user()).isEmpty()) {
            throw new AccountDeletedException();
        }
        tokens.values().removeIf(old -> old.user().equals(token.user()) && old.purpose() == token.purpose());
        tokens.put(token.hash(), token);
    }

    @Override
    public synchronized void addDecoy(TokenHash hash, Instant createdAt, Instant expiresAt) {
        decoys++;
    }

    @Override
    public synchronized Optional<EmailToken> findValid(TokenHash hash, EmailTokenPurpose purpose, Instant now) {
        return Optional.ofNullable(tokens.get(hash)).filter(token -> token.purpose() == purpose && now.isBefore(token.expiresAt()));
    }

    @Override
    public synchronized Optional<UserId> consume(TokenHash hash, EmailTokenPurpose purpose, Instant now) {
        Optional<EmailToken> valid = findValid(hash, purpose, now);
        valid.ifPresent(token -> tokens.remove(hash));
        return valid.map(EmailToken::user);
    }

    @Override
    public synchronized void delete(UserId user, EmailTokenPurpose purpose) {
        tokens.values().removeIf(token -> token.user().equals(user) && token.purpose() == purpose);
    }

    @Override
    public synchronized void deleteAllOf(UserId user) {
        tokens.values().removeIf(token -> token.user().equals(user));
    }

    @Override
    public synchronized int purgeExpiredBefore(Instant before, int limit) {
        var expired = tokens.values().stream().filter(token -> token.expiresAt().isBefore(before)).limit(limit).toList();
        expired.forEach(token -> tokens.remove(token.hash()));
        return expired.size();
    }

    /** How many tokens are stored now. */
    public synchronized int size() {
        return tokens.size();
    }

    /** How many decoys were stored (they are never found, so they are only counted). */
    public synchronized int decoys() {
        return decoys;
    }
}
