package dev.gatehouse.adapter.in.web.problem;

/**
 * A protected endpoint was called with a valid bearer token that lacks the scope it needs; answered 403
 * with the RFC 6750 §3.1 {@code insufficient_scope} challenge naming the scope.
 */
public final class InsufficientScopeException extends RuntimeException {

    private final String scope;

    /** @param scope the scope the endpoint needs: an RFC 6749 §3.3 scope token, safe in a header */
    public InsufficientScopeException(String scope) {
        super("insufficient scope", null, false, false);
        this.scope = scope;
    }

    String scope() {
        return scope;
    }
}
