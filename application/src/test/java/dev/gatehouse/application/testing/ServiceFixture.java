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
import dev.gatehouse.application.service.admin.AdministerUsersService;
import dev.gatehouse.application.service.client.AuthenticateClientService;
import dev.gatehouse.application.service.client.AuthorizeClientService;
import dev.gatehouse.application.service.client.ClientCredentialsService;
import dev.gatehouse.application.service.lifecycle.AccountEraser;
import dev.gatehouse.application.service.lifecycle.AccountTraces;
import dev.gatehouse.application.service.lifecycle.ChangePasswordService;
import dev.gatehouse.application.service.lifecycle.DeleteAccountService;
import dev.gatehouse.application.service.lifecycle.EmailTokenIssuer;
import dev.gatehouse.application.service.lifecycle.EmailVerificationService;
import dev.gatehouse.application.service.lifecycle.PasswordCheck;
import dev.gatehouse.application.service.lifecycle.PasswordResetService;
import dev.gatehouse.application.service.lifecycle.ResetThrottle;
import dev.gatehouse.application.service.lifecycle.VerifyingRegistration;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.throttle.RateLimit;
import dev.gatehouse.domain.throttle.SignInThrottlePolicy;
import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.token.TokenPolicy;
import dev.gatehouse.domain.user.EmailTokenPolicy;
import java.time.Duration;
import java.time.Instant;

/** Every use case wired to in-memory fakes and one hand-moved clock. */
public final class ServiceFixture {

    public static final String PASSWORD = "correct horse battery";
    public static final ClientId API = new ClientId("api");

    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    public final InMemoryUserAccounts accounts = new InMemoryUserAccounts();
    public final InMemoryRefreshTokenFamilies families = new InMemoryRefreshTokenFamilies(accounts);
    public final PlainPasswordHasher hasher = new PlainPasswordHasher();
    public final FakeRefreshTokenCodec codec = new FakeRefreshTokenCodec();
    public final FakeAccessTokens accessTokens = new FakeAccessTokens(clock);
    public final RecordingSecurityEvents events = new RecordingSecurityEvents();
    public final InMemorySignInAttempts attempts = new InMemorySignInAttempts();
    public final InMemoryAddressWindows windows = new InMemoryAddressWindows();
    public final FakeEmailPseudonyms pseudonyms = new FakeEmailPseudonyms();
    public final SequentialIds ids = new SequentialIds();
    public final RecordingNotifications notifications = new RecordingNotifications();
    public final InMemoryEmailTokens emailTokens = new InMemoryEmailTokens(accounts);
    public final InMemoryOutgoingMails outgoingMails = new InMemoryOutgoingMails();
    public final FakeEmailTokenCodec emailTokenCodec = new FakeEmailTokenCodec();
    public final InMemoryResetRequestCounts resetCounts = new InMemoryResetRequestCounts();
    public final InMemoryVerificationRequestCounts verificationCounts = new InMemoryVerificationRequestCounts(accounts);
    public final TokenPolicy policy = TokenPolicy.defaults();
    public final TokenMinter minter = new TokenMinter(accessTokens, codec, ids,
            new TokenSettings("https://id.example", "api.example", policy));

    private final RegisterService registration = new RegisterService(accounts, families, hasher, events,
            SequentialIds.directTransactions(), minter, policy, ids, clock, new AddressThrottle(windows, AddressWindows.Purpose.REGISTRATION,
                    new RateLimit(20, Duration.ofHours(1)), events, SecurityEventType.REGISTRATION_THROTTLED));
    public final SignInThrottle signInThrottle = new SignInThrottle(
            new AddressThrottle(windows, AddressWindows.Purpose.SIGN_IN, new RateLimit(60, Duration.ofMinutes(1)), events,
                    SecurityEventType.SIGN_IN_THROTTLED),
            attempts, new SignInThrottlePolicy(10, 20, Duration.ofSeconds(30), Duration.ofMinutes(15)), pseudonyms, events);
    public final SignInService signIn = new SignInService(accounts, families, hasher, signInThrottle, events, minter, policy, ids, clock);
    public final RefreshTokensService refresh = new RefreshTokensService(codec, families, events, minter, policy, accounts,
            notifications, clock);

    private final EmailTokenIssuer emailTokenIssuer = new EmailTokenIssuer(emailTokenCodec, emailTokens,
            EmailTokenPolicy.withResetTtl(Duration.ofMinutes(30)));
    private final PasswordCheck passwordCheck = new PasswordCheck(hasher, signInThrottle);
    public final EmailVerificationService emailVerification = new EmailVerificationService(accounts, emailTokenIssuer, notifications,
            verificationCounts, new RateLimit(3, Duration.ofHours(1)), events, SequentialIds.directTransactions(), clock);
    public final VerifyingRegistration register = new VerifyingRegistration(registration, emailVerification);
    /** Runs work deferred past an answer at once, unless told to hold it. */
    public final HeldTasks afterAnswer = new HeldTasks();
    public final PasswordResetService passwordReset = new PasswordResetService(accounts, families, emailTokenIssuer,
            new ResetThrottle(new AddressThrottle(windows, AddressWindows.Purpose.PASSWORD_RESET, new RateLimit(10, Duration.ofHours(1)),
                    events, SecurityEventType.PASSWORD_RESET_THROTTLED), resetCounts, pseudonyms, new RateLimit(3, Duration.ofHours(1)), events),
            signInThrottle, hasher, notifications, events, SequentialIds.directTransactions(), afterAnswer, clock);
    public final ChangePasswordService changePassword = new ChangePasswordService(accounts, families, emailTokens, passwordCheck, hasher,
            notifications, events, SequentialIds.directTransactions(), clock);
    private final AccountEraser eraser = new AccountEraser(accounts, families, emailTokens, outgoingMails,
            new AccountTraces(attempts, resetCounts, pseudonyms, events));
    public final DeleteAccountService deleteAccount = new DeleteAccountService(accounts, eraser, passwordCheck, events,
            SequentialIds.directTransactions(), clock);
    public final SignOutService signOut = new SignOutService(codec, families, events, clock);
    public final RevokeTokenService revoke = new RevokeTokenService(codec, accessTokens, families, events, clock);
    public final AuthenticateService authenticate = new AuthenticateService(accessTokens, families, clock);
    public final SessionsService sessions = new SessionsService(families, events, clock);
    public final InMemoryServiceClients serviceClients = new InMemoryServiceClients();
    public final AuthenticateClientService authenticateClient = new AuthenticateClientService(serviceClients, signInThrottle, events, clock);
    public final ClientCredentialsService clientCredentials = new ClientCredentialsService(authenticateClient, minter, events, clock);
    public final AuthorizeClientService authorizeClient = new AuthorizeClientService(accessTokens, families, serviceClients, events, clock);
    public final AdministerUsersService administer = new AdministerUsersService(accounts, families, eraser, events,
            SequentialIds.directTransactions(), clock);

    /** Registers {@code email} with {@link #PASSWORD} as client {@code api}; the tokens of its first session. */
    public IssuedTokens registered(String email) {
        var result = register.register(new RegisterCommand(email, PASSWORD, "Someone", API, "JUnit", "198.51.100.1"));
        if (!(result instanceof RegisterResult.Registered registered)) {
            throw new AssertionError("registration failed: " + result);
        }
        return registered.tokens();
    }
}
