package dev.gatehouse.application.port;

/**
 * The store could not do what was asked (down, out of connections, timed out). Nothing was
 * half-written: the statement or transaction that failed was rolled back. Callers answer 503.
 */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(Throwable cause) {
        super("store unavailable", cause);
    }
}
