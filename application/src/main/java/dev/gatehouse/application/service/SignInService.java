package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.in.SignInUseCase;
import dev.gatehouse.application.port.out.AccountDeletedException;
import dev.gatehouse.application.port.out.IdGenerator;
import dev.gatehouse.application.port.out.PasswordHasher;
import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.token.RefreshTokenFamily;
import dev.gatehouse.domain.token.RevocationReason;
import dev.gatehouse.domain.token.TokenPolicy;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.InvalidValueException;
import dev.gatehouse.domain.user.Password;
import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.UserAccount;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Password sign-in. An unknown email costs the same hashing time as a wrong password (a dummy hash is
 * checked), and both get the same answer, as does a disabled account with the right password (counted as a
 * failure, so not even the lock tells them apart); the precise reason goes to the security events only. Every
 * attempt is counted by the {@link SignInThrottle} before its hash, so concurrent attempts cannot
 * overtake the lock. A password that is reset or changed, or an account that is disabled or deleted, while
 * the hash is checked leaves the sign-in without a session (see {@link #startSession}).
 */
public final class SignInService implements SignInUseCase {

    private final UserAccounts accounts;
    private final RefreshTokenFamilies families;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;
    private final SecurityEvents events;
    private final TokenMinter minter;
    private final TokenPolicy policy;
    private final IdGenerator ids;
    private final Clock clock;
    private volatile PasswordHash dummyHash;

    public SignInService(UserAccounts accounts, RefreshTokenFamilies families, PasswordHasher hasher, SignInThrottle throttle,
            SecurityEvents events, TokenMinter minter, TokenPolicy policy, IdGenerator ids, Clock clock) {
        this.accounts = accounts;
        this.families = families;
        this.hasher = hasher;
        this.throttle = throttle;
        this.events = events;
        this.minter = minter;
        this.policy = policy;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public SignInResult signIn(SignInCommand command) {
        Instant now = clock.instant();
        Optional<SignInResult.Throttled> addressThrottled = throttle.admitAddress(command.clientAddress(), now);
        if (addressThrottled.isPresent()) {
            return addressThrottled.get();
        }
        EmailAddress email;
        Password password;
        try {
            email = EmailAddress.of(command.username());
            password = Password.of(command.password());
        } catch (InvalidValueException unusable) {
            return new SignInResult.InvalidCredentials();
        }
        SignInThrottle.Admission admission = throttle.admitAccount(email, command.clientAddress(), now);
        if (admission instanceof SignInThrottle.Refused refused) {
            return refused.throttle();
        }
        var attempt = (SignInThrottle.Attempt) admission;
        Optional<UserAccount> account = accounts.findByEmail(email);
        boolean matches = hasher.matches(password, account.map(UserAccount::passwordHash).orElseGet(this::dummyHash));
        if (account.isEmpty() || !matches || account.get().isDisabled()) {
            throttle.recordFailure(attempt, account.map(UserAccount::id).orElse(null), failureOf(account, matches));
            return new SignInResult.InvalidCredentials();
        }
        throttle.recordSuccess(attempt);
        return startSession(upgradeHashIfOutdated(account.get(), password, now), password, command, now)
                .<SignInResult>map(SignInResult.SignedIn::new)
                .orElseGet(SignInResult.InvalidCredentials::new);
    }

    /** Why a sign-in failed, for the events only: the caller gets one answer for all. */
    private static String failureOf(Optional<UserAccount> account, boolean matches) {
        if (account.isEmpty()) {
            return "unknown_account";
        }
        return matches ? "account_disabled" : "wrong_password";
    }

    private UserAccount upgradeHashIfOutdated(UserAccount account, Password password, Instant now) {
        if (!hasher.needsRehash(account.passwordHash())) {
            return account;
        }
        var upgraded = account.withPasswordHash(hasher.hash(password));
        if (!accounts.replacePasswordHash(account.id(), account.passwordHash(), upgraded.passwordHash())) {
            return account; // the password was changed meanwhile: the upgrade must not undo that
        }
        events.record(new SecurityEvent(SecurityEventType.PASSWORD_HASH_UPGRADED, now, account.id(), null, null, ""));
        return upgraded;
    }

    /**
     * Starts a session, unless the account changed while the password was checked: it is read again once the
     * session is stored. A disabling, a password reset or change locks the account until its transaction ends
     * and ends the account's sessions in it, and a deletion removes them; storing a session waits for such a
     * transaction (the account's foreign key). So a change either saw the session (and ended it) or shows here,
     * and the session is revoked now: a password replaced meanwhile is not the one this sign-in proved. A new
     * hash of the same password (another sign-in's parameter upgrade) costs one more check and keeps the session.
     */
    private Optional<IssuedTokens> startSession(UserAccount account, Password password, SignInCommand command, Instant now) {
        var family = RefreshTokenFamily.start(new FamilyId(ids.next()), account.id(), command.client(),
                command.userAgent(), now, policy);
        try {
            families.add(family);
        } catch (AccountDeletedException deleted) {
            return Optional.empty();
        }
        Optional<UserAccount> stored = accounts.findById(account.id());
        if (stored.isEmpty() || stored.get().isDisabled()) {
            families.revoke(family.id(), RevocationReason.ACCOUNT_DISABLED, now);
            return Optional.empty();
        }
        if (!stored.get().passwordHash().equals(account.passwordHash()) && !hasher.matches(password, stored.get().passwordHash())) {
            families.revoke(family.id(), RevocationReason.PASSWORD_CHANGED, now);
            return Optional.empty();
        }
        events.record(new SecurityEvent(SecurityEventType.SIGN_IN_SUCCEEDED, now, account.id(), family.id(),
                family.clientId(), "", command.clientAddress(), null));
        return Optional.of(minter.mint(family, now));
    }

    /** A hash of a random password with the current parameters, checked for unknown emails. */
    private PasswordHash dummyHash() {
        PasswordHash hash = dummyHash;
        if (hash == null) {
            hash = hasher.hash(Password.of(ids.next().toString()));
            dummyHash = hash;
        }
        return hash;
    }
}
