package dev.gatehouse.adapter.out.security.password;

/** How busy password hashing is right now, for the gauges {@code gatehouse_hashing_in_flight} and {@code _waiting}. */
public interface HashingLoad {

    /** Hashes running now; at most the gate's concurrency. */
    int inFlight();

    /** Sign-ins waiting for a hashing slot now; at most the gate's queue length. */
    int waiting();
}
