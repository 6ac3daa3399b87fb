package dev.gatehouse.application.service.admin;

import dev.gatehouse.application.port.in.admin.AdministerUsersUseCase;
import dev.gatehouse.application.port.in.admin.Administrator;
import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.application.service.lifecycle.AccountEraser;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.token.RevocationReason;
import dev.gatehouse.domain.user.AccountStatus;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.InvalidValueException;
import dev.gatehouse.domain.user.UserAccount;
import dev.gatehouse.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The administration of accounts. A change and its event are one transaction. Disabling locks the account
 * while its sessions are revoked, so a sign-in racing with it either ends among them or finds the account
 * disabled when it checks again after starting its session ({@link SignInService}).
 */
public final class AdministerUsersService implements AdministerUsersUseCase {

    private static final String NOT_FOUND = "not_found";

    private final UserAccounts accounts;
    private final RefreshTokenFamilies families;
    private final AccountEraser eraser;
    private final SecurityEvents events;
    private final Transactions transactions;
    private final Clock clock;

    public AdministerUsersService(UserAccounts accounts, RefreshTokenFamilies families, AccountEraser eraser, SecurityEvents events,
            Transactions transactions, Clock clock) {
        this.accounts = accounts;
        this.families = families;
        this.eraser = eraser;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Search findByEmail(Administrator admin, String email) {
        if (email == null || email.isBlank()) {
            record(SecurityEventType.ADMIN_USERS_SEARCHED, null, admin, "no_email");
            return new Search.NoAddress();
        }
        Optional<UserAccount> found;
        try {
            found = accounts.findByEmail(EmailAddress.of(email));
        } catch (InvalidValueException malformed) {
            found = Optional.empty();
        }
        record(SecurityEventType.ADMIN_USERS_SEARCHED, found.map(UserAccount::id).orElse(null), admin,
                "found:" + (found.isPresent() ? 1 : 0));
        return new Search.Found(found.stream().toList());
    }

    @Override
    public Optional<AdministeredUser> user(Administrator admin, String userId) {
        Optional<UserAccount> account = idOf(userId).flatMap(accounts::findById);
        record(SecurityEventType.ADMIN_USER_VIEWED, idOf(userId).orElse(null), admin, account.isPresent() ? "" : NOT_FOUND);
        return account.map(found -> new AdministeredUser(found, families.activeOf(found.id(), clock.instant())));
    }

    @Override
    public AdminResult disable(Administrator admin, String userId) {
        return change(admin, userId, SecurityEventType.ACCOUNT_DISABLED, id -> {
            if (!accounts.changeStatus(id, AccountStatus.DISABLED)) {
                return Optional.empty();
            }
            return Optional.of("sessions_ended:" + families.revokeAllOf(id, RevocationReason.ACCOUNT_DISABLED, clock.instant()));
        });
    }

    @Override
    public AdminResult enable(Administrator admin, String userId) {
        return change(admin, userId, SecurityEventType.ACCOUNT_ENABLED,
                id -> accounts.changeStatus(id, AccountStatus.ACTIVE) ? Optional.of("") : Optional.empty());
    }

    @Override
    public AdminResult endSessions(Administrator admin, String userId) {
        return change(admin, userId, SecurityEventType.ADMIN_SESSIONS_ENDED, id -> accounts.findById(id)
                .map(account -> "sessions_ended:" + families.revokeAllOf(id, RevocationReason.ADMIN, clock.instant())));
    }

    @Override
    public AdminResult delete(Administrator admin, String userId) {
        return change(admin, userId, SecurityEventType.ACCOUNT_DELETED,
                id -> accounts.findById(id).filter(eraser::erase).map(erased -> "by_admin"));
    }

    /**
     * Runs {@code work} on the account in one transaction with its event; {@code work} answers the event's
     * detail, or empty when there is no such account.
     */
    private AdminResult change(Administrator admin, String userId, SecurityEventType type, Function<UserId, Optional<String>> work) {
        Optional<UserId> id = idOf(userId);
        return transactions.inTransaction(() -> {
            Optional<String> done = id.flatMap(work);
            record(type, id.orElse(null), admin, done.orElse(NOT_FOUND));
            return done.isPresent() ? new AdminResult.Done() : new AdminResult.NotFound();
        });
    }

    private void record(SecurityEventType type, UserId user, Administrator admin, String detail) {
        events.record(new SecurityEvent(type, clock.instant(), user, null, admin.client(), detail, admin.clientAddress(), null));
    }

    /**
     * The account id in {@code raw}: the RFC 9562 §4 string form only (8-4-4-4-12 hexadecimal digits, in
     * either case, as that section reads them on input); anything else names no account.
     */
    private static Optional<UserId> idOf(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        try {
            UUID parsed = UUID.fromString(raw);
            return parsed.toString().equalsIgnoreCase(raw) ? Optional.of(new UserId(parsed)) : Optional.empty();
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
