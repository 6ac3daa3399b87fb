package dev.gatehouse.adapter.out.persistence;

import com.zaxxer.hikari.HikariConfig;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;

/**
 * Fail-fast defaults of the service's connection pools (production's {@code datasources.default}, and the
 * development database): a request waits at most {@value #CONNECTION_TIMEOUT_MS} ms for a pooled connection
 * (Hikari's default is 30 s), and a statement at most 2 s for a lock ({@value #INIT_SQL} on every
 * connection); then the store is unavailable: 503, and the statement has written nothing. A bounded lock
 * wait also bounds how long after its request a refresh can still rotate its family, so that a rotation is
 * never stored long after its client gave up (which the client's retry, past the reuse grace, would meet
 * as reuse). A database that stops answering on an open connection (a frozen server, a network that drops
 * packets silently) is given up after {@value #SOCKET_TIMEOUT_S} s of silence (pgjdbc's {@code socketTimeout})
 * and a pooled connection's liveness check after {@value #VALIDATION_TIMEOUT_MS} ms, instead of a wait
 * that no other timeout bounds; schema migrations, which may rightly run longer, lift it
 * ({@link SchemaMigration}). A database error's message carries only the error, not PostgreSQL's detail
 * (pgjdbc's {@code logServerErrorDetail}): the detail quotes the row or the parameters (a unique violation names
 * the e-mail address, a check violation the whole row, password hash included), and such a message reaches the log.
 * What the operator configured ({@code connection-timeout}, {@code connection-init-sql},
 * {@code validation-timeout}, {@code socketTimeout} and {@code logServerErrorDetail} in the URL or the data source
 * properties) is kept.
 */
@Singleton
final class PoolDefaults implements BeanCreatedEventListener<DatasourceConfiguration> {

    static final long CONNECTION_TIMEOUT_MS = 2000;
    static final String INIT_SQL = "SET lock_timeout = '2s'";
    static final int SOCKET_TIMEOUT_S = 5;
    static final long VALIDATION_TIMEOUT_MS = 1000;
    static final String SOCKET_TIMEOUT = "socketTimeout";
    static final String SERVER_ERROR_DETAIL = "logServerErrorDetail";
    private static final long HIKARI_DEFAULT_CONNECTION_TIMEOUT_MS = Duration.ofSeconds(30).toMillis();
    private static final long HIKARI_DEFAULT_VALIDATION_TIMEOUT_MS = Duration.ofSeconds(5).toMillis();

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
        if (pool.getValidationTimeout() == HIKARI_DEFAULT_VALIDATION_TIMEOUT_MS) {
            pool.setValidationTimeout(VALIDATION_TIMEOUT_MS);
        }
        defaultProperty(pool, SOCKET_TIMEOUT, Integer.toString(SOCKET_TIMEOUT_S));
        defaultProperty(pool, SERVER_ERROR_DETAIL, "false");
    }

    /** Sets the pgjdbc property {@code name} unless the URL or the data source properties set it. */
    private static void defaultProperty(HikariConfig pool, String name, String value) {
        boolean inUrl = pool.getJdbcUrl() != null && pool.getJdbcUrl().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT) + "=");
        if (!inUrl && !pool.getDataSourceProperties().containsKey(name)) {
            pool.addDataSourceProperty(name, value);
        }
    }
}
