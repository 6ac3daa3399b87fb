package dev.gatehouse.bootstrap;

import dev.gatehouse.application.port.in.AccountQuery;
import dev.gatehouse.application.port.in.AuthenticateUseCase;
import dev.gatehouse.application.port.in.PublicKeysQuery;
import dev.gatehouse.application.port.in.PurgeEndedSessionsUseCase;
import dev.gatehouse.application.port.in.ReadinessQuery;
import dev.gatehouse.application.port.in.RefreshTokensUseCase;
import dev.gatehouse.application.port.in.RegisterUseCase;
import dev.gatehouse.application.port.in.RevokeTokenUseCase;
import dev.gatehouse.application.port.in.SessionsUseCase;
import dev.gatehouse.application.port.in.SignInUseCase;
import dev.gatehouse.application.port.in.SignOutUseCase;
import dev.gatehouse.application.port.out.AccessTokens;
import dev.gatehouse.application.port.out.AddressWindows;
import dev.gatehouse.application.port.out.EmailPseudonyms;
import dev.gatehouse.application.port.out.IdGenerator;
import dev.gatehouse.application.port.out.PasswordHasher;
import dev.gatehouse.application.port.out.RefreshTokenCodec;
import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.ResetRequestCounts;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.application.port.out.SignInAttempts;
import dev.gatehouse.application.port.out.StoreHealth;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.application.port.out.mail.EmailTokens;
import dev.gatehouse.application.port.out.mail.Notifications;
import dev.gatehouse.application.service.AccountService;
import dev.gatehouse.application.service.AddressThrottle;
import dev.gatehouse.application.service.AuthenticateService;
import dev.gatehouse.application.service.PublicKeysService;
import dev.gatehouse.application.service.PurgeEndedSessionsService;
import dev.gatehouse.application.service.ReadinessService;
import dev.gatehouse.application.service.RefreshTokensService;
import dev.gatehouse.application.service.RegisterService;
import dev.gatehouse.application.service.RevokeTokenService;
import dev.gatehouse.application.service.SessionsService;
import dev.gatehouse.application.service.SignInService;
import dev.gatehouse.application.service.SignInThrottle;
import dev.gatehouse.application.service.SignOutService;
import dev.gatehouse.application.service.TokenMinter;
import dev.gatehouse.application.service.TokenSettings;
import dev.gatehouse.bootstrap.metrics.MeteredRefresh;
import dev.gatehouse.bootstrap.metrics.MeteredRegistration;
import dev.gatehouse.bootstrap.metrics.MeteredSignIn;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.application.service.lifecycle.EmailVerificationService;
import dev.gatehouse.application.service.lifecycle.VerifyingRegistration;
import dev.gatehouse.domain.token.TokenPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Creates the use cases (plain Java, no annotations of their own) from the adapters' beans; sign-in,
 * refresh and registration come wrapped in their metering decorators ({@code bootstrap.metrics}).
 */
@Factory
class UseCaseFactory {

    /**
     * UTC, ticking in whole microseconds: PostgreSQL's {@code timestamptz} precision, so an instant the
     * services compare in memory is the instant the store compares and keeps.
     */
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    }

    @Singleton
    TokenPolicy tokenPolicy(TokenConfiguration tokens) {
        return tokens.policy();
    }

    @Singleton
    TokenSettings tokenSettings(TokenPolicy policy, @Value("${gatehouse.issuer:`http://localhost:8080`}") String issuer,
            @Value("${gatehouse.audience:gatehouse}") String audience) {
        return new TokenSettings(issuer, audience, policy);
    }

    @Singleton
    TokenMinter tokenMinter(AccessTokens accessTokens, RefreshTokenCodec codec, IdGenerator ids, TokenSettings settings) {
        return new TokenMinter(accessTokens, codec, ids, settings);
    }

    @Singleton
    SignInThrottle signInThrottle(AddressWindows windows, SignInAttempts attempts, ThrottleConfiguration throttle,
            EmailPseudonyms pseudonyms, SecurityEvents events) {
        var addresses = new AddressThrottle(windows, AddressWindows.Purpose.SIGN_IN, throttle.signInsPerAddress(), events,
                SecurityEventType.SIGN_IN_THROTTLED);
        return new SignInThrottle(addresses, attempts, throttle.signInPolicy(), pseudonyms, events);
    }

    /** Registration sends the new account a verification link. */
    @Singleton
    RegisterUseCase register(UserAccounts accounts, RefreshTokenFamilies families, @Named("registration") PasswordHasher hasher,
            SecurityEvents events, Transactions transactions, TokenMinter minter, TokenPolicy policy, IdGenerator ids, Clock clock,
            AddressWindows windows, ThrottleConfiguration throttle, EmailVerificationService verification, MeterRegistry metrics) {
        var registrations = new AddressThrottle(windows, AddressWindows.Purpose.REGISTRATION, throttle.registrationsPerAddress(),
                events, SecurityEventType.REGISTRATION_THROTTLED);
        return new MeteredRegistration(new VerifyingRegistration(new RegisterService(accounts, families, hasher, events, transactions,
                minter, policy, ids, clock, registrations), verification), metrics);
    }

    @Singleton
    SignInUseCase signIn(UserAccounts accounts, RefreshTokenFamilies families, PasswordHasher hasher, SignInThrottle throttle,
            SecurityEvents events, TokenMinter minter, TokenPolicy policy, IdGenerator ids, Clock clock, MeterRegistry metrics) {
        return new MeteredSignIn(new SignInService(accounts, families, hasher, throttle, events, minter, policy, ids, clock), metrics);
    }

    @Singleton
    RefreshTokensUseCase refresh(RefreshTokenCodec codec, RefreshTokenFamilies families, SecurityEvents events, TokenMinter minter,
            TokenPolicy policy, UserAccounts accounts, Notifications notifications, Clock clock, MeterRegistry metrics) {
        return new MeteredRefresh(new RefreshTokensService(codec, families, events, minter, policy, accounts, notifications, clock),
                metrics);
    }

    @Singleton
    SignOutUseCase signOut(RefreshTokenCodec codec, RefreshTokenFamilies families, SecurityEvents events, Clock clock) {
        return new SignOutService(codec, families, events, clock);
    }

    @Singleton
    RevokeTokenUseCase revoke(RefreshTokenCodec codec, AccessTokens accessTokens, RefreshTokenFamilies families,
            SecurityEvents events, Clock clock) {
        return new RevokeTokenService(codec, accessTokens, families, events, clock);
    }

    @Singleton
    AuthenticateUseCase authenticate(AccessTokens accessTokens, RefreshTokenFamilies families, Clock clock) {
        return new AuthenticateService(accessTokens, families, clock);
    }

    @Singleton
    SessionsUseCase sessions(RefreshTokenFamilies families, SecurityEvents events, Clock clock) {
        return new SessionsService(families, events, clock);
    }

    @Singleton
    AccountQuery accounts(UserAccounts accounts) {
        return new AccountService(accounts);
    }

    @Singleton
    PublicKeysQuery publicKeys(AccessTokens accessTokens) {
        return new PublicKeysService(accessTokens);
    }

    @Singleton
    ReadinessQuery readiness(StoreHealth store) {
        return new ReadinessService(store);
    }

    /**
     * Ended sessions are kept 30 days (the list of ended sessions), and at least one access-token lifetime, then
     * purged; security events for {@code gatehouse.retention.security-events}.
     */
    @Singleton
    PurgeEndedSessionsUseCase purge(RefreshTokenFamilies families, SignInAttempts attempts, AddressWindows windows,
            SecurityEvents events, EmailTokens emailTokens, ResetRequestCounts resetCounts, TokenConfiguration tokens,
            RetentionConfiguration retention, Clock clock) {
        Duration accessTokensLive = tokens.getAccessTtl().plus(Duration.ofMinutes(1));
        Duration sessions = accessTokensLive.compareTo(SessionsUseCase.ENDED_SESSIONS_KEPT) > 0 ? accessTokensLive
                : SessionsUseCase.ENDED_SESSIONS_KEPT;
        return new PurgeEndedSessionsService(families, attempts, windows, events, emailTokens, resetCounts, sessions,
                retention.getSecurityEvents(), clock);
    }
}
