package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.PurgeEndedSessionsUseCase;
import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes ended sessions in batches of {@value #BATCH_SIZE}, so that the table stays proportional to
 * the live sessions and no purge holds locks for long. A session is kept for
 * {@code retention} after it ended (long enough for every access token of it to have expired).
 */
public final class PurgeEndedSessionsService implements PurgeEndedSessionsUseCase {

    static final int BATCH_SIZE = 1000;

    private final RefreshTokenFamilies families;
    private final Duration retention;
    private final Clock clock;

    public PurgeEndedSessionsService(RefreshTokenFamilies families, Duration retention, Clock clock) {
        this.families = families;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public int purge(int maxBatches) {
        Instant endedBefore = Instants.now(clock).minus(retention);
        int total = 0;
        for (int batch = 0; batch < maxBatches; batch++) {
            int deleted = families.purgeEndedBefore(endedBefore, BATCH_SIZE);
            total += deleted;
            if (deleted < BATCH_SIZE) {
                break;
            }
        }
        return total;
    }
}
