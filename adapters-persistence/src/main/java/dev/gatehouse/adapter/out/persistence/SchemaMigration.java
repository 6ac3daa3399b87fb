package dev.gatehouse.adapter.out.persistence;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date (Flyway, {@code db/migration}) when the service starts, before it takes
 * requests: once the application context has started ({@link StartupEvent}), so after every {@code @Context}
 * bean that checks the configuration, so that a configuration the service refuses never migrates a shared
 * database first; and before the HTTP server binds. Several instances starting at once are safe: Flyway
 * serialises migrations with a database lock.
 * A migration may rightly run for minutes (an index on a large table), or wait that long for another
 * instance's lock, so its connections do without the pool's bound on a silent database ({@link PoolDefaults}).
 */
@Singleton
final class SchemaMigration implements ApplicationEventListener<StartupEvent> {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

    private final DataSource dataSource;

    SchemaMigration(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void onApplicationEvent(StartupEvent started) {
        var result = Flyway.configure()
                .dataSource(new Unbounded(dataSource))
                .locations("classpath:db/migration")
                .load()
                .migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info("database schema at version {} ({} migrations applied now)", version, result.migrationsExecuted);
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
