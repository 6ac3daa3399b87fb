package dev.gatehouse.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Migrations upgrade a database that holds data: the schema is brought to the version before the
 * latest, rows are written the way that version's code wrote them, and then the latest migration runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationTest {

    private static final String PREVIOUS_VERSION = "2";

    private EmbeddedPostgres postgres;
    private DataSource database;

    @BeforeAll
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        database = postgres.getPostgresDatabase();
    }

    @AfterAll
    void stop() throws Exception {
        postgres.close();
    }

    @Test
    void the_account_lifecycle_migration_keeps_accounts_and_sessions_and_adds_what_it_needs() throws SQLException {
        flyway().target(PREVIOUS_VERSION).load().migrate();
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("""
                    INSERT INTO user_account (id, email, name, password_hash, created_at)
                    VALUES ('00000000-0000-4000-8000-000000000001', 'ada@example.com', 'Ada', '$argon2id$x', '2026-01-01T00:00:00Z')""");
            sql.execute("""
                    INSERT INTO refresh_family (id, user_id, client_id, generation, state, revocation_reason, revoked_at,
                        created_at, rotated_at, idle_expires_at, absolute_expires_at, user_agent)
                    VALUES ('00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-000000000001', 'api', 3, 'revoked',
                        'SESSION_DELETED', '2026-01-02T00:00:00Z', '2026-01-01T00:00:00Z', '2026-01-01T12:00:00Z',
                        '2026-01-08T12:00:00Z', '2026-01-31T00:00:00Z', 'curl/8')""");
            sql.execute("INSERT INTO address_window (purpose, network, window_end, requests) "
                    + "VALUES ('SIGN_IN', '192.0.2.1', '2026-01-01T00:01:00Z', 3)");
        }

        var result = flyway().load().migrate();

        assertThat(result.migrationsExecuted).isPositive();
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            var account = sql.executeQuery("SELECT email, name, password_hash, email_verified FROM user_account");
            assertThat(account.next()).isTrue();
            assertThat(account.getString("email")).isEqualTo("ada@example.com");
            assertThat(account.getString("password_hash")).isEqualTo("$argon2id$x");
            assertThat(account.getBoolean("email_verified")).as("existing accounts start unverified").isFalse();

            var session = sql.executeQuery("SELECT generation, revocation_reason, user_agent FROM refresh_family");
            assertThat(session.next()).isTrue();
            assertThat(session.getLong("generation")).isEqualTo(3);
            assertThat(session.getString("revocation_reason")).isEqualTo("SESSION_DELETED");
            assertThat(session.getString("user_agent")).isEqualTo("curl/8");

            var window = sql.executeQuery("SELECT requests FROM address_window WHERE purpose = 'SIGN_IN'");
            assertThat(window.next()).isTrue();
            assertThat(window.getInt("requests")).isEqualTo(3);

            int revoked = sql.executeUpdate("UPDATE refresh_family SET revocation_reason = 'PASSWORD_RESET'");
            assertThat(revoked).as("the new reasons are allowed").isEqualTo(1);
            sql.execute("INSERT INTO address_window (purpose, network, window_end, requests) "
                    + "VALUES ('PASSWORD_RESET', '192.0.2.1', '2026-01-01T01:00:00Z', 1)");
            sql.execute("""
                    INSERT INTO email_token (token_hash, user_id, purpose, created_at, expires_at)
                    VALUES ('h', '00000000-0000-4000-8000-000000000001', 'PASSWORD_RESET', '2026-01-01T00:00:00Z', '2026-01-01T00:30:00Z')""");
        }
    }

    @Test
    void the_verification_throttle_migration_keeps_accounts_and_counts_per_account() throws SQLException {
        DataSource upgraded = upgradedFrom("4", anAccount("00000000-0000-4000-8000-000000000002", "bob@example.com", false, true));

        try (Connection connection = upgraded.getConnection(); Statement sql = connection.createStatement()) {
            var account = sql.executeQuery("SELECT email, disabled FROM user_account");
            assertThat(account.next()).isTrue();
            assertThat(account.getString("email")).isEqualTo("bob@example.com");
            assertThat(account.getBoolean("disabled")).isTrue();
            sql.execute("INSERT INTO email_verification_window (user_id, window_start, requests) "
                    + "VALUES ('00000000-0000-4000-8000-000000000002', '2026-01-01T00:00:00Z', 1)");
            sql.execute("DELETE FROM user_account");
            var counters = sql.executeQuery("SELECT count(*) FROM email_verification_window");
            counters.next();
            assertThat(counters.getInt(1)).as("a counter goes with its account").isZero();
        }
    }

    private FluentConfiguration flyway() {
        return flyway(database);
    }

    /** A database of its own, migrated up to {@code version}. */
    private DataSource aDatabaseAtVersion(String version) throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE DATABASE from_version_" + version);
        }
        DataSource upgraded = postgres.getDatabase("postgres", "from_version_" + version);
        flyway(upgraded).target(version).load().migrate();
        return upgraded;
    }

    /**
     * A database of its own at {@code version}, with {@code before} run in it (data or objects of that version),
     * then migrated by exactly one migration.
     */
    private DataSource upgradedFrom(String version, String before) throws SQLException {
        DataSource upgraded = aDatabaseAtVersion(version);
        try (Connection connection = upgraded.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(before);
        }
        String next = String.valueOf(Integer.parseInt(version) + 1);
        assertThat(flyway(upgraded).target(next).load().migrate().migrationsExecuted).as("migrations to version " + next).isOne();
        return upgraded;
    }

    /** An account row of the columns every version since 4 has. */
    private static String anAccount(String id, String email, boolean verified, boolean disabled) {
        return "INSERT INTO user_account (id, email, name, password_hash, created_at, email_verified, disabled) "
                + "VALUES ('%s', '%s', 'Someone', '$argon2id$y', '2026-01-01T00:00:00Z', %s, %s)".formatted(id, email, verified, disabled);
    }

    private static FluentConfiguration flyway(DataSource target) {
        return Flyway.configure().dataSource(target).locations("classpath:db/migration");
    }

    /** docs/operations.md: an operator may build version 6's indexes beforehand, concurrently; the migration then keeps them. */
    @Test
    void the_housekeeping_indexes_migration_keeps_an_index_built_beforehand() throws SQLException {
        DataSource upgraded = upgradedFrom("5", "CREATE INDEX CONCURRENTLY refresh_family_created_idx ON refresh_family (created_at)");

        try (Connection connection = upgraded.getConnection(); Statement sql = connection.createStatement()) {
            var indexes = sql.executeQuery("SELECT count(*) FROM pg_indexes WHERE indexname IN ('refresh_family_created_idx', "
                    + "'refresh_family_revoked_idx', 'security_event_attempted_email_idx', 'password_reset_window_start_idx')");
            indexes.next();
            assertThat(indexes.getInt(1)).isEqualTo(4);
        }
    }

    @Test
    void the_outbox_migration_keeps_accounts_and_adds_an_empty_outbox() throws SQLException {
        DataSource upgraded = upgradedFrom("6", anAccount("00000000-0000-4000-8000-000000000003", "cy@example.com", true, false));

        try (Connection connection = upgraded.getConnection(); Statement sql = connection.createStatement()) {
            var account = sql.executeQuery("SELECT email FROM user_account");
            assertThat(account.next()).isTrue();
            assertThat(account.getString("email")).isEqualTo("cy@example.com");
            var waiting = sql.executeQuery("SELECT count(*) FROM outgoing_mail");
            waiting.next();
            assertThat(waiting.getInt(1)).isZero();
            sql.execute("""
                    INSERT INTO outgoing_mail (kind, recipient, key_id, content, due_at, created_at)
                    VALUES ('password_changed', 'cy@example.com', 'k1', '\\x00', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')""");
        }
    }
}
