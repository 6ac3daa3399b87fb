package dev.gatehouse.adapter.out.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Development mode: without {@code datasources.default.url}, Gatehouse starts its own PostgreSQL (zonky
 * embedded binaries) on a free port with a fresh temporary data directory, so several instances can run
 * side by side and nothing needs installing. Its data is gone when the process ends.
 */
@Factory
@Requires(missingProperty = "datasources.default.url")
class EmbeddedDatabaseFactory {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseFactory.class);

    @Singleton
    @Bean(preDestroy = "close")
    EmbeddedPostgres embeddedPostgres() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            LOG.warn("DEVELOPMENT MODE: no datasources.default.url configured; started an embedded PostgreSQL on port {}. "
                    + "Its data is discarded at shutdown.", postgres.getPort());
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    @Singleton
    @Named("default")
    @Bean(preDestroy = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("gatehouse-embedded");
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(16);
        config.setConnectionTimeout(3000);
        return new HikariDataSource(config);
    }
}
