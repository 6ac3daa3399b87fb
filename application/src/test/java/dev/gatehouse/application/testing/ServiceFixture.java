package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.in.RegisterUseCase.RegisterCommand;
import dev.gatehouse.application.port.in.RegisterUseCase.RegisterResult;
import dev.gatehouse.application.port.out.AddressWindows;
import dev.gatehouse.application.service.AddressThrottle;
import dev.gatehouse.application.service.AuthenticateService;
import dev.gatehouse.application.service.RefreshTokensService;
import dev.gatehouse.application.service.RegisterService;
import dev.gatehouse.application.service.RevokeTokenService;
import dev.gatehouse.application.service.SessionsService;
import dev.gatehouse.application.service.SignInService;
import dev.gatehouse.application.service.SignInThrottle;
import dev.gatehouse.application.service.SignOutService;
import dev.gatehouse.application.service.TokenMinter;
import dev.gatehouse.application.service.TokenSettings;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.throttle.RateLimit;
import dev.gatehouse.domain.throttle.SignInThrottlePolicy;
import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.token.TokenPolicy;
import java.time.Duration;
import java.time.Instant;

/** Every use case wired to in-memory fakes and one hand-moved clock. */
public final class ServiceFixture {

    public static final String PASSWORD = "correct horse battery";
    public static final ClientId API = new ClientId("api");

    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    public final InMemoryUserAccounts accounts = new InMemoryUserAccounts();
    public final InMemoryRefreshTokenFamilies families = new InMemoryRefreshTokenFamilies();
    public final PlainPasswordHasher hasher = new PlainPasswordHasher();
    public final FakeRefreshTokenCodec codec = new FakeRefreshTokenCodec();
    public final FakeAccessTokens accessTokens = new FakeAccessTokens(clock);
    public final RecordingSecurityEvents events = new RecordingSecurityEvents();
    public final InMemorySignInAttempts attempts = new InMemorySignInAttempts();
    public final InMemoryAddressWindows windows = new InMemoryAddressWindows();
    public final FakeEmailPseudonyms pseudonyms = new FakeEmailPseudonyms();
    public final SequentialIds ids = new SequentialIds();
    public final TokenPolicy policy = TokenPolicy.defaults();
    public final TokenMinter minter = new TokenMinter(accessTokens, codec, ids,
            new TokenSettings("https://id.example", "api.example", policy));

    public final RegisterService register = new RegisterService(accounts, families, hasher, events,
            SequentialIds.directTransactions(), minter, policy, ids, clock, new AddressThrottle(windows, AddressWindows.Purpose.REGISTRATION,
                    new RateLimit(20, Duration.ofHours(1)), events, SecurityEventType.REGISTRATION_THROTTLED));
    public final SignInService signIn = new SignInService(accounts, families, hasher, new SignInThrottle(
            new AddressThrottle(windows, AddressWindows.Purpose.SIGN_IN, new RateLimit(60, Duration.ofMinutes(1)), events,
                    SecurityEventType.SIGN_IN_THROTTLED),
            attempts, new SignInThrottlePolicy(10, 20, Duration.ofSeconds(30), Duration.ofMinutes(15)), pseudonyms, events),
            events, minter, policy, ids, clock);
    public final RefreshTokensService refresh = new RefreshTokensService(codec, families, events, minter, policy, clock);
    public final SignOutService signOut = new SignOutService(codec, families, events, clock);
    public final RevokeTokenService revoke = new RevokeTokenService(codec, accessTokens, families, events, clock);
    public final AuthenticateService authenticate = new AuthenticateService(accessTokens, families, clock);
    public final SessionsService sessions = new SessionsService(families, events, clock);

    /** Registers {@code email} with {@link #PASSWORD} as client {@code api}; the tokens of its first session. */
    public IssuedTokens registered(String email) {
        var result = register.register(new RegisterCommand(email, PASSWORD, "Someone", API, "JUnit", "198.51.100.1"));
        if (!(result instanceof RegisterResult.Registered registered)) {
            throw new AssertionError("registration failed: " + result);
        }
        return registered.tokens();
    }
}
