package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.mail.EmailTokenCodec;
import dev.gatehouse.domain.user.TokenHash;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Tokens {@code et-<n>}, hashed as {@code hash(<token>)}; anything not of that form cannot be a token. */
public final class FakeEmailTokenCodec implements EmailTokenCodec {

    private final AtomicInteger next = new AtomicInteger(1);

    @Override
    public NewToken generate() {
        String token = "et-" + next.getAndIncrement();
        return new NewToken(token, hashOf(token).orElseThrow());
    }

    @Override
    public Optional<TokenHash> hashOf(String presented) {
        return presented != null && presented.matches("et-[0-9]+") ? Optional.of(new TokenHash("hash(" + presented + ")")) : Optional.empty();
    }

    /** How many tokens were made. */
    public int generated() {
        return next.get() - 1;
    }
}
