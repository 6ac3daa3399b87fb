package dev.gatehouse.adapter.out.persistence;

import com.zaxxer.hikari.HikariConfig;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Fail-fast defaults of the service's connection pools (production's {@code datasources.default}, and the
 * development database): a request waits at most {@value #CONNECTION_TIMEOUT_MS} ms for a pooled connection
 * (Hikari's default is 30 s), and a statement at most 2 s for a lock ({@value #INIT_SQL} on every
 * connection); then the store is unavailable: 503, and the statement has written nothing. A bounded lock
 * wait also bounds how long after its request a refresh can still rotate its family, so that a rotation is
 * never stored long after its client gave up (which the client's retry, past the reuse grace, would meet
 * as reuse). What the operator configured ({@code connection-timeout}, {@code connection-init-sql}) is kept.
 */
@Singleton
final class PoolDefaults implements BeanCreatedEventListener<DatasourceConfiguration> {

    static final long CONNECTION_TIMEOUT_MS = 2000;
    static final String INIT_SQL = "SET lock_timeout = '2s'";
    private static final long HIKARI_DEFAULT_CONNECTION_TIMEOUT_MS = Duration.ofSeconds(30).toMillis();

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        apply(event.getBean());
        return event.getBean();
    }

    /** Sets the defaults on {@code pool} where it has Hikari's own. */
    static void apply(HikariConfig pool) {
        if (pool.getConnectionTimeout() == HIKARI_DEFAULT_CONNECTION_TIMEOUT_MS) {
            pool.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        }
        if (pool.getConnectionInitSql() == null) {
            pool.setConnectionInitSql(INIT_SQL);
        }
    }
}
