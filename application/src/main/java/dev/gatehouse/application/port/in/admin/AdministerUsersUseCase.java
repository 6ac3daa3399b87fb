package dev.gatehouse.application.port.in.admin;

import dev.gatehouse.domain.token.RefreshTokenFamily;
import dev.gatehouse.domain.user.UserAccount;
import java.util.List;
import java.util.Optional;

/**
 * What a service client with scope {@code admin} does with accounts. Every call is recorded as a security
 * event naming the acting client and its address ({@link Administrator}) and the account concerned. An id that names no account,
 * or is no account id at all, is {@link AdminResult.NotFound} (or empty) and recorded as such.
 */
public interface AdministerUsersUseCase {

    /**
     * The account with this e-mail address, compared canonically (trimmed, lower case); none for a malformed
     * address. Without an address ({@code null} or blank) it is {@link Search.NoAddress}, recorded too.
     */
    Search findByEmail(Administrator admin, String email);

    /** The account with its live sessions, newest first. */
    Optional<AdministeredUser> user(Administrator admin, String userId);

    /** Disables the account: every session ends ({@code account_disabled}) and sign-in is refused from now on. */
    AdminResult disable(Administrator admin, String userId);

    /** Lets a disabled account sign in again; sessions that ended stay ended. */
    AdminResult enable(Administrator admin, String userId);

    /** Ends every session of the account ({@code admin}); it may sign in again. */
    AdminResult endSessions(Administrator admin, String userId);

    /** Deletes the account as its owner could: it, its sessions and its throttling state go; events keep the bare id. */
    AdminResult delete(Administrator admin, String userId);

    /** An account as an administrator sees it. */
    record AdministeredUser(UserAccount account, List<RefreshTokenFamily> sessions) {
        public AdministeredUser {
            sessions = List.copyOf(sessions);
        }
    }

    sealed interface Search {
        /** @param accounts none or one */
        record Found(List<UserAccount> accounts) implements Search {
            public Found {
                accounts = List.copyOf(accounts);
            }
        }

        record NoAddress() implements Search {
        }
    }

    sealed interface AdminResult {
        record Done() implements AdminResult {
        }

        record NotFound() implements AdminResult {
        }
    }
}
