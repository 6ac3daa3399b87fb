package dev.gatehouse.application.port.in;

/** Housekeeping: deletes sessions that ended (expired or revoked), in bounded batches. */
public interface PurgeEndedSessionsUseCase {

    /** Deletes ended sessions until none are left or {@code maxBatches} batches ran; returns how many. */
    int purge(int maxBatches);
}
