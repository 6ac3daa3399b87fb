package dev.gatehouse.application.service.lifecycle;

import dev.gatehouse.application.port.StoreUnavailableException;
import dev.gatehouse.application.port.in.RegisterUseCase;

/**
 * Registration that sends the new account a verification link. The account exists once registration
 * succeeded: if the link cannot be stored then, the registration still succeeds and the owner asks for
 * another link ({@code POST /auth/email-verification}).
 */
public final class VerifyingRegistration implements RegisterUseCase {

    private final RegisterUseCase registration;
    private final EmailVerificationService verification;

    public VerifyingRegistration(RegisterUseCase registration, EmailVerificationService verification) {
        this.registration = registration;
        this.verification = verification;
    }

    @Override
    public RegisterResult register(RegisterCommand command) {
        RegisterResult result = registration.register(command);
        if (result instanceof RegisterResult.Registered registered) {
            sendLink(registered);
        }
        return result;
    }

    private void sendLink(RegisterResult.Registered registered) {
        try {
            verification.sendTo(registered.account());
        } catch (StoreUnavailableException linkNotStored) {
            // registered all the same; the owner can ask for another link
        }
    }
}
