package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.EmailAlreadyRegisteredException;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.domain.user.AccountStatus;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.UserAccount;
import dev.gatehouse.domain.user.UserId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryUserAccounts implements UserAccounts {

    private final Map<UserId, UserAccount> byId = new ConcurrentHashMap<>();

    @Override
    public synchronized void add(UserAccount account) {
        if (findByEmail(account.email()).isPresent()) {
            throw new EmailAlreadyRegisteredException();
        }
        byId.put(account.id(), account);
    }

    @Override
    public Optional<UserAccount> findByEmail(EmailAddress email) {
        return byId.values().stream().filter(account -> account.email().equals(email)).findFirst();
    }

    @Override
    public Optional<UserAccount> findById(UserId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Only whether the account exists: this fake runs one caller at a time, so there is nothing to wait for. */
    @Override
    public boolean lock(UserId id) {
        return byId.containsKey(id);
    }

    @Override
    public boolean changeStatus(UserId id, AccountStatus status) {
        return byId.computeIfPresent(id, (key, account) -> account.withStatus(status)) != null;
    }

    @Override
    public void updatePasswordHash(UserId id, PasswordHash hash) {
        byId.computeIfPresent(id, (key, account) -> account.withPasswordHash(hash));
    }

    @Override
    public boolean replacePasswordHash(UserId id, PasswordHash expected, PasswordHash replacement) {
        boolean[] replaced = {false};
        byId.computeIfPresent(id, (key, account) -> {
            replaced[0] = account.passwordHash().equals(expected);
            return replaced[0] ? account.withPasswordHash(replacement) : account;
        });
        return replaced[0];
    }

    @Override
    public void markEmailVerified(UserId id) {
        byId.computeIfPresent(id, (key, account) -> account.withEmailVerified());
    }

    @Override
    public boolean delete(UserId id) {
        return byId.remove(id) != null;
    }
}
