package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.mail.EmailTokenCodec;
import dev.gatehouse.domain.user.TokenHash;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Tokens {@code et-<n>}, hashed as {@code hash(<token>)}; anything not of that form cannot be a token. */
public final class FakeEmailTokenCodec implements EmailTokenCodec {

    private final AtomicInteger next = new AtomicInteger(1);

    @Override
    public NewToken generate() {
        String token = "et-" + next.getAndIncrement();
        return new NewToken(token, hashesOf(token).get(0));
    }

    @Override
    public List<TokenHash> hashesOf(String presented) {
        return presented != null && presented.matches("et-[0-9]+") ? List.of(new TokenHash("hash(" + presented + ")")) : List.of();
    }

    /** How many tokens were made. */
    public int generated() {
        return next.get() - 1;
    }
}
