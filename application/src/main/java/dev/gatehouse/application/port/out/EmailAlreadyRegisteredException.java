package dev.gatehouse.application.port.out;

/** {@link UserAccounts#add} found the email taken. Carries no address, so it can be logged. */
public final class EmailAlreadyRegisteredException extends RuntimeException {

    public EmailAlreadyRegisteredException() {
        super("email already registered", null, false, false);
    }
}
