package dev.gatehouse.adapter.out.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Development mode (the {@value Environment#DEVELOPMENT} environment, chosen at start when no
 * {@code datasources.default.url} is configured): Gatehouse starts its own PostgreSQL (zonky embedded
 * binaries) on a free port with a fresh temporary data directory, so several instances can run side by
 * side and nothing needs installing. Its data is gone when the process ends.
 */
@Factory
@Requires(env = Environment.DEVELOPMENT)
class EmbeddedDatabaseFactory {

    @Singleton
    EmbeddedDatabase embeddedDatabase() {
        return new EmbeddedDatabase();
    }

    @Singleton
    @Named("default")
    DataSource dataSource(EmbeddedDatabase database) {
        return database.pool;
    }

    /** The embedded server and its connection pool, closed together when the application stops. */
    static final class EmbeddedDatabase {

        private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

        private final EmbeddedPostgres postgres;
        private final HikariDataSource pool;

        EmbeddedDatabase() {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
            LOG.warn("DEVELOPMENT MODE: no datasources.default.url configured; started an embedded PostgreSQL on port {}. "
                    + "Its data is discarded at shutdown.", postgres.getPort());
            HikariConfig config = new HikariConfig();
            config.setPoolName("gatehouse-embedded");
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
            config.setMaximumPoolSize(16);
            PoolDefaults.apply(config);
            pool = new HikariDataSource(config);
        }

        @PreDestroy
        void close() throws IOException {
            pool.close();
            postgres.close();
        }
    }
}
