package dev.gatehouse.application.port.in;

/** Housekeeping: deletes sessions that ended (expired or revoked) and stale throttling counters, in bounded batches. */
public interface PurgeEndedSessionsUseCase {

    /** Deletes until nothing is left or {@code maxBatches} batches per table ran; returns how many rows. */
    int purge(int maxBatches);
}
