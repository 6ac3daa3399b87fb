package dev.gatehouse.bootstrap;

import dev.gatehouse.application.port.in.AuthenticateUseCase;
import dev.gatehouse.application.port.in.AuthenticateUseCase.Authentication;
import dev.gatehouse.application.port.in.Caller;
import dev.gatehouse.application.port.in.RefreshTokensUseCase;
import dev.gatehouse.application.port.in.RegisterUseCase;
import dev.gatehouse.application.port.in.SessionsUseCase;
import dev.gatehouse.application.port.in.SignInUseCase;
import dev.gatehouse.application.port.in.SignOutUseCase;
import dev.gatehouse.application.port.in.lifecycle.ChangePasswordUseCase;
import dev.gatehouse.application.port.in.lifecycle.DeleteAccountUseCase;
import dev.gatehouse.application.port.in.lifecycle.EmailVerificationUseCase;
import dev.gatehouse.application.port.in.lifecycle.EmailVerificationUseCase.RequestResult;
import dev.gatehouse.application.port.in.lifecycle.PasswordResetUseCase;
import dev.gatehouse.application.port.in.lifecycle.TokenResult;
import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.user.UserId;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;

/**
 * Use cases that answer with a result no controller branch knows ({@code null} stands in for a variant
 * added to a sealed result later: it matches no {@code instanceof} either), for {@link UnknownResultTest}.
 * Only where {@value #SWITCH} is set. The bearer token {@value #KNOWN} authenticates; any other is unknown.
 */
@Factory
@Requires(property = UnknownResults.SWITCH, value = "true")
class UnknownResults {

    static final String SWITCH = "gatehouse.test.unknown-results";
    static final String KNOWN = "known-caller";

    @Singleton
    @Replaces(SignInUseCase.class)
    SignInUseCase signIn() {
        return command -> null;
    }

    @Singleton
    @Replaces(RefreshTokensUseCase.class)
    RefreshTokensUseCase refresh() {
        return command -> null;
    }

    @Singleton
    @Replaces(RegisterUseCase.class)
    RegisterUseCase register() {
        return command -> null;
    }

    @Singleton
    @Replaces(AuthenticateUseCase.class)
    AuthenticateUseCase authenticate() {
        Caller caller = new Caller(new UserId(UUID.randomUUID()), new FamilyId(UUID.randomUUID()), new ClientId("api"));
        return token -> KNOWN.equals(token) ? new Authentication.Authenticated(caller) : null;
    }

    @Singleton
    @Replaces(SessionsUseCase.class)
    SessionsUseCase sessions() {
        return new SessionsUseCase() {
            @Override
            public List<SessionView> sessionsOf(Caller caller) {
                return List.of();
            }

            @Override
            public List<EndedSessionView> endedSessionsOf(Caller caller) {
                return List.of();
            }

            @Override
            public DeleteResult delete(Caller caller, FamilyId session) {
                return null;
            }
        };
    }

    @Singleton
    @Replaces(EmailVerificationUseCase.class)
    EmailVerificationUseCase emailVerification() {
        return new EmailVerificationUseCase() {
            @Override
            public RequestResult requestVerification(Caller caller) {
                return null;
            }

            @Override
            public TokenResult confirm(String token) {
                return null;
            }
        };
    }

    @Singleton
    @Replaces(PasswordResetUseCase.class)
    PasswordResetUseCase passwordReset() {
        return new PasswordResetUseCase() {
            @Override
            public RequestResult request(String email, String clientAddress) {
                return null;
            }

            @Override
            public TokenResult confirm(String token, String newPassword, String clientAddress) {
                return null;
            }
        };
    }

    @Singleton
    @Replaces(ChangePasswordUseCase.class)
    ChangePasswordUseCase changePassword() {
        return (caller, current, next) -> null;
    }

    @Singleton
    @Replaces(DeleteAccountUseCase.class)
    DeleteAccountUseCase deleteAccount() {
        return (caller, password) -> null;
    }

    @Singleton
    @Replaces(SignOutUseCase.class)
    SignOutUseCase signOut() {
        return new SignOutUseCase() {
            @Override
            public SignOutResult signOut(String refreshToken, java.util.function.Predicate<ClientId> endsHere, String clientAddress) {
                return null;
            }

            @Override
            public void signOut(Caller caller) {
                // not under test
            }

            @Override
            public void signOutEverywhere(Caller caller) {
                // not under test
            }
        };
    }
}
