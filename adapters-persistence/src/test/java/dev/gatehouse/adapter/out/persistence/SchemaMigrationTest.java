package dev.gatehouse.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Migrating at start waits out a table lock held by another session, without lifting the pool's bound on lock waits. */
class SchemaMigrationTest {

    @Test
    void a_migration_that_meets_a_table_lock_is_tried_again_until_the_lock_is_free() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                HikariDataSource pool = pool(postgres)) {
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").target("3").load().migrate();
            CompletableFuture<Void> migrating;
            try (Connection backup = postgres.getPostgresDatabase().getConnection()) {
                backup.setAutoCommit(false);
                backup.createStatement().execute("SELECT count(*) FROM user_account"); // holds ACCESS SHARE, as pg_dump does
                migrating = CompletableFuture.runAsync(() -> new SchemaMigration(pool, Duration.ofMillis(300)).onApplicationEvent(null));
                assertThatThrownBy(() -> migrating.get(1, TimeUnit.SECONDS)).as("V4 alters user_account: it waits, trying again")
                        .isInstanceOf(TimeoutException.class);
                backup.commit();
            }
            migrating.get(20, TimeUnit.SECONDS);
            var version = Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().info().current();
            assertThat(version.getVersion().getVersion()).isEqualTo("7");
            try (Connection served = pool.getConnection()) {
                var timeout = served.createStatement().executeQuery("SHOW lock_timeout");
                timeout.next();
                assertThat(timeout.getString(1)).as("the pool's bound stays").isEqualTo("100ms");
            }
        }
    }

    @Test
    void each_migration_is_announced_before_it_runs_and_the_whole_is_timed() throws Exception {
        var logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(SchemaMigration.class);
        var seen = new ListAppender<ILoggingEvent>();
        seen.start();
        logger.addAppender(seen);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                HikariDataSource pool = pool(postgres)) {
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").target("5").load().migrate();

            new SchemaMigration(pool, Duration.ofMillis(300)).onApplicationEvent(null);
        } finally {
            logger.detachAppender(seen);
        }

        assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage).hasSize(3)
                .satisfies(lines -> assertThat(lines.get(0)).startsWith("applying schema migration 6 (housekeeping indexes)"))
                .satisfies(lines -> assertThat(lines.get(1)).startsWith("applying schema migration 7 ("))
                .satisfies(lines -> assertThat(lines.get(2)).matches("database schema at version 7 \\(2 migrations applied now, in \\d+ ms\\)"));
    }

    private static HikariDataSource pool(EmbeddedPostgres postgres) {
        var config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setConnectionInitSql("SET lock_timeout = '100ms'");
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }
}
