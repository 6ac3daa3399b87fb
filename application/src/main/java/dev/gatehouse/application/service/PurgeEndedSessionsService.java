package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.PurgeEndedSessionsUseCase;
import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.SignInAttempts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntUnaryOperator;

/**
 * Housekeeping in batches of {@value #BATCH_SIZE}, so that tables stay proportional to live data and no
 * run holds locks for long: deletes sessions that ended more than {@code retention} ago (long enough for
 * every access token of them to have expired), and forgets throttling counters untouched for a day (a
 * run of failed sign-ins is forgiven 24 hours after its last failure and lock).
 */
public final class PurgeEndedSessionsService implements PurgeEndedSessionsUseCase {

    static final int BATCH_SIZE = 1000;
    static final Duration THROTTLE_MEMORY = Duration.ofDays(1);

    private final RefreshTokenFamilies families;
    private final SignInAttempts attempts;
    private final Duration retention;
    private final Clock clock;

    public PurgeEndedSessionsService(RefreshTokenFamilies families, SignInAttempts attempts, Duration retention, Clock clock) {
        this.families = families;
        this.attempts = attempts;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public int purge(int maxBatches) {
        Instant now = Instants.now(clock);
        Instant endedBefore = now.minus(retention);
        Instant staleBefore = now.minus(THROTTLE_MEMORY);
        return inBatches(maxBatches, limit -> families.purgeEndedBefore(endedBefore, limit))
                + inBatches(maxBatches, limit -> attempts.forgetStale(staleBefore, limit));
    }

    private static int inBatches(int maxBatches, IntUnaryOperator deleteUpTo) {
        int total = 0;
        for (int batch = 0; batch < maxBatches; batch++) {
            int deleted = deleteUpTo.applyAsInt(BATCH_SIZE);
            total += deleted;
            if (deleted < BATCH_SIZE) {
                break;
            }
        }
        return total;
    }
}
