package dev.gatehouse.adapter.in.web.problem;

/** A protected endpoint was called without a usable bearer token; answered 401 with a challenge. */
public final class NotAuthenticatedException extends RuntimeException {

    private final boolean tokenPresented;

    /** @param tokenPresented whether a bearer token was presented (then the challenge says {@code invalid_token}) */
    public NotAuthenticatedException(boolean tokenPresented) {
        super("not authenticated", null, false, false);
        this.tokenPresented = tokenPresented;
    }

    boolean tokenPresented() {
        return tokenPresented;
    }
}
