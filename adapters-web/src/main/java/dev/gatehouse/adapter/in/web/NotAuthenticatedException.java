package dev.gatehouse.adapter.in.web;

/** A protected endpoint was called without a usable bearer token; answered 401 with a challenge. */
final class NotAuthenticatedException extends RuntimeException {

    private final boolean tokenPresented;

    NotAuthenticatedException(boolean tokenPresented) {
        super("not authenticated", null, false, false);
        this.tokenPresented = tokenPresented;
    }

    boolean tokenPresented() {
        return tokenPresented;
    }
}
