package dev.gatehouse.application.port.in;

/** Housekeeping: deletes ended sessions, expired e-mail tokens, stale throttling counters and security events past their retention, in bounded batches. */
public interface PurgeEndedSessionsUseCase {

    /** Deletes until nothing is left or {@code maxBatches} batches per table ran; returns how many rows. */
    int purge(int maxBatches);
}
