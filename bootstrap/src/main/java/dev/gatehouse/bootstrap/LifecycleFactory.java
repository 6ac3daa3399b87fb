package dev.gatehouse.bootstrap;

import dev.gatehouse.application.port.in.lifecycle.ChangePasswordUseCase;
import dev.gatehouse.application.port.in.lifecycle.DeleteAccountUseCase;
import dev.gatehouse.application.port.in.lifecycle.PasswordResetUseCase;
import dev.gatehouse.application.port.out.AddressWindows;
import dev.gatehouse.application.port.out.EmailPseudonyms;
import dev.gatehouse.application.port.out.PasswordHasher;
import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.ResetRequestCounts;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.application.port.out.SignInAttempts;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.application.port.out.VerificationRequestCounts;
import dev.gatehouse.application.port.out.mail.EmailTokenCodec;
import dev.gatehouse.application.port.out.mail.EmailTokens;
import dev.gatehouse.application.port.out.mail.Notifications;
import dev.gatehouse.application.port.out.mail.OutgoingMails;
import dev.gatehouse.application.service.AddressThrottle;
import dev.gatehouse.application.service.SignInThrottle;
import dev.gatehouse.application.service.lifecycle.AccountEraser;
import dev.gatehouse.application.service.lifecycle.AccountTraces;
import dev.gatehouse.application.service.lifecycle.ChangePasswordService;
import dev.gatehouse.application.service.lifecycle.DeleteAccountService;
import dev.gatehouse.application.service.lifecycle.EmailTokenIssuer;
import dev.gatehouse.application.service.lifecycle.EmailVerificationService;
import dev.gatehouse.application.service.lifecycle.PasswordCheck;
import dev.gatehouse.application.service.lifecycle.PasswordResetService;
import dev.gatehouse.application.service.lifecycle.ResetThrottle;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.throttle.RateLimit;
import dev.gatehouse.domain.user.EmailTokenPolicy;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the account-lifecycle use cases (e-mail verification, password reset and change, account
 * deletion). Their settings ({@code gatehouse.mail.reset-ttl}, {@code gatehouse.throttle.password-resets-*},
 * {@code gatehouse.throttle.email-verifications-per-account-per-hour})
 * are checked at start.
 */
@Factory
class LifecycleFactory {

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleFactory.class);

    @Context
    EmailTokenPolicy emailTokenPolicy(@Value("${gatehouse.mail.reset-ttl:30m}") Duration resetTtl) {
        try {
            return EmailTokenPolicy.withResetTtl(resetTtl);
        } catch (IllegalArgumentException unusable) {
            throw new ConfigurationException("gatehouse.mail.reset-ttl must be positive and at most 1d, not " + resetTtl);
        }
    }

    @Singleton
    EmailTokenIssuer emailTokenIssuer(EmailTokenCodec codec, EmailTokens tokens, EmailTokenPolicy policy) {
        return new EmailTokenIssuer(codec, tokens, policy);
    }

    @Context
    ResetThrottle resetThrottle(AddressWindows windows, ResetRequestCounts counts, EmailPseudonyms pseudonyms, SecurityEvents events,
            @Value("${gatehouse.throttle.password-resets-per-email-per-hour:5}") int perEmail,
            @Value("${gatehouse.throttle.password-resets-per-ip-per-hour:20}") int perAddress) {
        if (perEmail < 1 || perAddress < 1) {
            throw new ConfigurationException("gatehouse.throttle.password-resets-per-email-per-hour and "
                    + "gatehouse.throttle.password-resets-per-ip-per-hour must be at least 1");
        }
        Duration hour = Duration.ofHours(1);
        var addresses = new AddressThrottle(windows, AddressWindows.Purpose.PASSWORD_RESET, new RateLimit(perAddress, hour), events,
                SecurityEventType.PASSWORD_RESET_THROTTLED);
        return new ResetThrottle(addresses, counts, pseudonyms, new RateLimit(perEmail, hour), events);
    }

    @Singleton
    PasswordCheck passwordCheck(PasswordHasher hasher, SignInThrottle throttle) {
        return new PasswordCheck(hasher, throttle);
    }

    @Singleton
    EmailVerificationService emailVerification(UserAccounts accounts, EmailTokenIssuer tokens, Notifications notifications,
            VerificationRequestCounts requests, VerificationLimit limit, SecurityEvents events, Transactions transactions, Clock clock) {
        return new EmailVerificationService(accounts, tokens, notifications, requests, limit.perAccount(), events, transactions, clock);
    }

    /** {@code gatehouse.throttle.email-verifications-per-account-per-hour}, checked at start. */
    record VerificationLimit(RateLimit perAccount) {
    }

    @Context
    VerificationLimit verificationLimit(@Value("${gatehouse.throttle.email-verifications-per-account-per-hour:3}") int perAccount) {
        if (perAccount < 1) {
            throw new ConfigurationException("gatehouse.throttle.email-verifications-per-account-per-hour must be at least 1, not "
                    + perAccount);
        }
        return new VerificationLimit(new RateLimit(perAccount, Duration.ofHours(1)));
    }

    @Singleton
    PasswordResetUseCase passwordReset(UserAccounts accounts, RefreshTokenFamilies families, EmailTokenIssuer tokens,
            ResetThrottle throttle, SignInThrottle signInThrottle, PasswordHasher hasher, Notifications notifications,
            SecurityEvents events, Transactions transactions, @Named(TaskExecutors.BLOCKING) ExecutorService requestThreads,
            Clock clock) {
        return new PasswordResetService(accounts, families, tokens, throttle, signInThrottle, hasher, notifications, events,
                transactions, afterAnswer(requestThreads), clock);
    }

    /**
     * Runs work that follows its request's answer on a request thread. Nobody waits for it, so a failure is logged
     * (its kind and message, which name no address: pgjdbc's server detail is off); when the pool is stopping, the
     * caller runs it.
     */
    private static Executor afterAnswer(ExecutorService requestThreads) {
        return task -> {
            Runnable logged = () -> {
                try {
                    task.run();
                } catch (RuntimeException failure) {
                    LOG.warn("a password-reset request failed after it was answered: {}", failure.toString());
                }
            };
            try {
                requestThreads.execute(logged);
            } catch (RejectedExecutionException stopping) {
                logged.run();
            }
        };
    }

    @Singleton
    ChangePasswordUseCase changePassword(UserAccounts accounts, RefreshTokenFamilies families, EmailTokens emailTokens, PasswordCheck check,
            PasswordHasher hasher, Notifications notifications, SecurityEvents events, Transactions transactions, Clock clock) {
        return new ChangePasswordService(accounts, families, emailTokens, check, hasher, notifications, events, transactions, clock);
    }

    /** The one erasure of an account, for its owner and for administrators. */
    @Singleton
    AccountEraser accountEraser(UserAccounts accounts, RefreshTokenFamilies families, EmailTokens tokens, OutgoingMails outgoingMails,
            SignInAttempts attempts, ResetRequestCounts counts, EmailPseudonyms pseudonyms, SecurityEvents events) {
        return new AccountEraser(accounts, families, tokens, outgoingMails, new AccountTraces(attempts, counts, pseudonyms, events));
    }

    @Singleton
    DeleteAccountUseCase deleteAccount(UserAccounts accounts, AccountEraser eraser, PasswordCheck check, SecurityEvents events,
            Transactions transactions, Clock clock) {
        return new DeleteAccountService(accounts, eraser, check, events, transactions, clock);
    }
}
