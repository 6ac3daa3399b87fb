package dev.gatehouse.bootstrap;

import dev.gatehouse.application.port.in.PurgeEndedSessionsUseCase;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs housekeeping (ended sessions, throttling counters past their window, security events past
 * {@code gatehouse.retention.security-events}) every {@code gatehouse.purge.interval} (default 10 minutes).
 */
@Singleton
class SessionPurgeJob {

    private static final Logger LOG = LoggerFactory.getLogger(SessionPurgeJob.class);
    private static final int MAX_BATCHES_PER_RUN = 100;

    private final PurgeEndedSessionsUseCase purge;

    SessionPurgeJob(PurgeEndedSessionsUseCase purge) {
        this.purge = purge;
    }

    @Scheduled(fixedDelay = "${gatehouse.purge.interval:10m}", initialDelay = "${gatehouse.purge.interval:10m}")
    void purgeEndedSessions() {
        try {
            int purged = purge.purge(MAX_BATCHES_PER_RUN);
            if (purged > 0) {
                LOG.info("housekeeping deleted {} rows (ended sessions, throttling counters, old security events)", purged);
            }
        } catch (RuntimeException failure) {
            LOG.warn("session purge failed; will retry next run: {}", failure.getClass().getSimpleName());
        }
    }
}
