package dev.gatehouse.adapter.out.persistence;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date (Flyway, {@code db/migration}) when the service starts, before it takes
 * requests: once the application context has started ({@link StartupEvent}), so after every {@code @Context}
 * bean that checks the configuration, so that a configuration the service refuses never migrates a shared
 * database first; and before the HTTP server binds. Several instances starting at once are safe: Flyway
 * serialises migrations with a database lock, which the others wait for as long as it is held (a migration
 * may rightly run for minutes, an index on a large table), so its connections also do without the pool's
 * bound on a silent database ({@link PoolDefaults}).
 * A migration keeps the pool's bounded wait for a table lock ({@code lock_timeout}), so that a schema change
 * never queues the running instances' requests behind a long transaction (a backup, a report): when another
 * session holds a lock it needs, the migration is rolled back, and tried again after {@link #LOCK_RETRY_DELAY},
 * with a warning each time, until the lock is free.
 */
@Singleton
final class SchemaMigration implements ApplicationEventListener<StartupEvent> {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);
    private static final Duration LOCK_RETRY_DELAY = Duration.ofSeconds(5);
    /** PostgreSQL's SQLSTATE when {@code lock_timeout} ended a wait for a lock. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    /** Flyway's count of one-second retries for its own lock: without end, as long as another instance migrates. */
    private static final int RETRY_WITHOUT_END = -1;

    private final DataSource dataSource;
    private final Duration lockRetryDelay;

    @Inject
    SchemaMigration(DataSource dataSource) {
        this(dataSource, LOCK_RETRY_DELAY);
    }

    SchemaMigration(DataSource dataSource, Duration lockRetryDelay) {
        this.dataSource = dataSource;
        this.lockRetryDelay = lockRetryDelay;
    }

    @Override
    public void onApplicationEvent(StartupEvent started) {
        var flyway = Flyway.configure()
                .dataSource(new Unbounded(dataSource))
                .locations("classpath:db/migration")
                .lockRetryCount(RETRY_WITHOUT_END)
                .callbacks(new EachMigrationAnnounced())
                .load();
        long start = System.nanoTime();
        MigrateResult result = migrate(flyway);
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info("database schema at version {} ({} migrations applied now, in {} ms)", version, result.migrationsExecuted,
                Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    /**
     * Says which migration runs before it runs: an index build on a large table can take a while, with the port still
     * closed, and an operator must tell it from a hang.
     */
    private static final class EachMigrationAnnounced implements Callback {

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            MigrationInfo migration = context.getMigrationInfo();
            LOG.info("applying schema migration {} ({}); writes to the tables it changes wait until it commits",
                    migration.getVersion(), migration.getDescription());
        }

        @Override
        public String getCallbackName() {
            return "announce each migration";
        }
    }

    private MigrateResult migrate(Flyway flyway) {
        while (true) {
            try {
                return flyway.migrate();
            } catch (FlywayException failed) {
                SQLException lockWait = lockWaitOf(failed).orElseThrow(() -> failed);
                LOG.warn("schema migration rolled back, another session holds a lock on a table it changes ({}); trying again in {} s",
                        lockWait.getMessage(), lockRetryDelay.toSeconds());
                pause();
            }
        }
    }

    /** The wait for a lock that {@code lock_timeout} ended, if that is why the migration failed. */
    private static Optional<SQLException> lockWaitOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    private void pause() {
        try {
            Thread.sleep(lockRetryDelay.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to migrate the schema", interrupted);
        }
    }

    /** The pool's connections without a network timeout (JDBC 4.1 {@code setNetworkTimeout(…, 0)}); the pool restores it on return. */
    record Unbounded(DataSource pool) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return unbounded(pool.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return unbounded(pool.getConnection(username, password));
        }

        private static Connection unbounded(Connection connection) throws SQLException {
            connection.setNetworkTimeout(Runnable::run, 0);
            return connection;
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return pool.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return pool.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return pool.isWrapperFor(type);
        }
    }
}
