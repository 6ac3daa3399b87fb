package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.FieldViolation;
import dev.gatehouse.application.port.in.RegisterUseCase;
import dev.gatehouse.application.port.out.EmailAlreadyRegisteredException;
import dev.gatehouse.application.port.out.IdGenerator;
import dev.gatehouse.application.port.out.PasswordHasher;
import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.token.RefreshTokenFamily;
import dev.gatehouse.domain.token.TokenPolicy;
import dev.gatehouse.domain.user.DisplayName;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.InvalidValueException;
import dev.gatehouse.domain.user.Password;
import dev.gatehouse.domain.user.UserAccount;
import dev.gatehouse.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Counts the request against its network's registration limit, validates the input, hashes the password,
 * stores account and first session in one transaction. The limit comes first, so it also bounds how
 * often one network can learn from a 409 that an e-mail is registered.
 */
public final class RegisterService implements RegisterUseCase {

    private final UserAccounts accounts;
    private final RefreshTokenFamilies families;
    private final PasswordHasher hasher;
    private final SecurityEvents events;
    private final Transactions transactions;
    private final TokenMinter minter;
    private final TokenPolicy policy;
    private final IdGenerator ids;
    private final Clock clock;
    private final AddressThrottle registrations;

    public RegisterService(UserAccounts accounts, RefreshTokenFamilies families, PasswordHasher hasher, SecurityEvents events,
            Transactions transactions, TokenMinter minter, TokenPolicy policy, IdGenerator ids, Clock clock,
            AddressThrottle registrations) {
        this.accounts = accounts;
        this.families = families;
        this.hasher = hasher;
        this.events = events;
        this.transactions = transactions;
        this.minter = minter;
        this.policy = policy;
        this.ids = ids;
        this.clock = clock;
        this.registrations = registrations;
    }

    @Override
    public RegisterResult register(RegisterCommand command) {
        Instant now = clock.instant();
        Optional<Duration> throttled = registrations.admit(command.clientAddress(), now);
        if (throttled.isPresent()) {
            return new RegisterResult.Throttled(throttled.get());
        }
        List<FieldViolation> violations = new ArrayList<>();
        EmailAddress email = valid(() -> EmailAddress.of(command.email()), violations);
        Password password = valid(() -> Password.of(command.password()), violations);
        DisplayName name = valid(() -> new DisplayName(command.name()), violations);
        if (!violations.isEmpty()) {
            return new RegisterResult.Rejected(List.copyOf(violations));
        }
        var account = new UserAccount(new UserId(ids.next()), email, name, hasher.hash(password), now);
        var family = RefreshTokenFamily.start(new FamilyId(ids.next()), account.id(), command.client(),
                command.userAgent(), now, policy);
        try {
            transactions.inTransaction(() -> store(account, family, command.clientAddress(), now));
        } catch (EmailAlreadyRegisteredException taken) {
            return new RegisterResult.EmailTaken();
        }
        return new RegisterResult.Registered(account, minter.mint(family, now));
    }

    private Void store(UserAccount account, RefreshTokenFamily family, String clientAddress, Instant now) {
        accounts.add(account);
        families.add(family);
        events.record(new SecurityEvent(SecurityEventType.ACCOUNT_REGISTERED, now, account.id(), family.id(),
                family.clientId(), "", clientAddress, null));
        return null;
    }

    private static <T> T valid(Supplier<T> parse, List<FieldViolation> violations) {
        try {
            return parse.get();
        } catch (InvalidValueException invalid) {
            violations.add(new FieldViolation(invalid.field(), invalid.getMessage()));
            return null;
        }
    }
}
