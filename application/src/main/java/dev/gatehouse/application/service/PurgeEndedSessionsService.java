package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.PurgeEndedSessionsUseCase;
import dev.gatehouse.application.port.out.AddressWindows;
import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.application.port.out.ResetRequestCounts;
import dev.gatehouse.application.port.out.SignInAttempts;
import dev.gatehouse.application.port.out.mail.EmailTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntUnaryOperator;

/**
 * Housekeeping in batches of {@value #BATCH_SIZE}, so that tables stay proportional to live data and no
 * run holds locks for long, whatever an attacker made the service write: deletes sessions that ended more
 * than {@code sessionRetention} ago (long enough for every access token of them to have expired),
 * address counters whose window ended, account counters untouched for a day (a run of failed sign-ins is
 * forgiven 24 hours after its last attempt and lock), security events older than {@code eventRetention}, and e-mail tokens that expired.
 */
public final class PurgeEndedSessionsService implements PurgeEndedSessionsUseCase {

    static final int BATCH_SIZE = 1000;
    static final Duration THROTTLE_MEMORY = Duration.ofDays(1);

    private final RefreshTokenFamilies families;
    private final SignInAttempts attempts;
    private final AddressWindows windows;
    private final SecurityEvents events;
    private final EmailTokens emailTokens;
    private final ResetRequestCounts resetCounts;
    private final Duration sessionRetention;
    private final Duration eventRetention;
    private final Clock clock;

    public PurgeEndedSessionsService(RefreshTokenFamilies families, SignInAttempts attempts, AddressWindows windows,
            SecurityEvents events, EmailTokens emailTokens, ResetRequestCounts resetCounts, Duration sessionRetention,
            Duration eventRetention, Clock clock) {
        this.families = families;
        this.attempts = attempts;
        this.windows = windows;
        this.events = events;
        this.emailTokens = emailTokens;
        this.resetCounts = resetCounts;
        this.sessionRetention = sessionRetention;
        this.eventRetention = eventRetention;
        this.clock = clock;
    }

    @Override
    public int purge(int maxBatches) {
        Instant now = clock.instant();
        Instant endedBefore = now.minus(sessionRetention);
        Instant staleBefore = now.minus(THROTTLE_MEMORY);
        Instant eventsBefore = now.minus(eventRetention);
        return inBatches(maxBatches, limit -> families.purgeEndedBefore(endedBefore, limit))
                + inBatches(maxBatches, limit -> windows.forgetEnded(now, limit))
                + inBatches(maxBatches, limit -> attempts.forgetStale(staleBefore, limit))
                + inBatches(maxBatches, limit -> events.forgetBefore(eventsBefore, limit))
                + inBatches(maxBatches, limit -> emailTokens.purgeExpiredBefore(now, limit))
                + inBatches(maxBatches, limit -> resetCounts.forgetStale(staleBefore, limit));
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
