package dev.gatehouse.application.service.lifecycle;

import dev.gatehouse.application.port.out.EmailPseudonyms;
import dev.gatehouse.application.port.out.ResetRequestCounts;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.application.port.out.SignInAttempts;
import dev.gatehouse.domain.user.EmailPseudonym;
import dev.gatehouse.domain.user.UserAccount;

/**
 * What the service remembers about an account besides the account itself: throttling counters (by the
 * pseudonym of its address) and the origins (client address, attempted e-mail) in its security events.
 */
public final class AccountTraces {

    private final SignInAttempts signInAttempts;
    private final ResetRequestCounts resetCounts;
    private final EmailPseudonyms pseudonyms;
    private final SecurityEvents events;

    public AccountTraces(SignInAttempts signInAttempts, ResetRequestCounts resetCounts, EmailPseudonyms pseudonyms,
            SecurityEvents events) {
        this.signInAttempts = signInAttempts;
        this.resetCounts = resetCounts;
        this.pseudonyms = pseudonyms;
        this.events = events;
    }

    /** Forgets the counters of {@code account} and strips the origins from its events, which keep its bare id. */
    void erase(UserAccount account) {
        EmailPseudonym pseudonym = pseudonyms.of(account.email());
        signInAttempts.forget(pseudonym);
        resetCounts.forget(pseudonym);
        events.forgetOriginsOf(account.id(), pseudonym);
    }
}
