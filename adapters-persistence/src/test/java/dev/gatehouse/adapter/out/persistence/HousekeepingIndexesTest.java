package dev.gatehouse.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The statements of housekeeping and erasure find their rows by index: with sequential scans disabled,
 * PostgreSQL still plans a {@code Seq Scan} when no index can serve a statement, so a plan without one proves
 * that the table is not read whole (which sessions and floods of failed sign-ins can make large).
 */
class HousekeepingIndexesTest {

    private static final Instant CUTOFF = Instant.parse("2026-11-01T00:00:00Z");

    private final DataSource database = Database.bean(DataSource.class);

    @Test
    void purging_ended_sessions_reads_no_whole_table() throws SQLException {
        assertThat(planOf(JdbcRefreshTokenFamilies.PURGE_ENDED, statement -> {
            Jdbc.setInstant(statement, 1, CUTOFF);
            Jdbc.setInstant(statement, 2, CUTOFF);
            Jdbc.setInstant(statement, 3, CUTOFF);
            statement.setInt(4, 500);
        })).noneMatch(line -> line.contains("Seq Scan"));
    }

    @Test
    void an_erasure_reads_only_the_events_of_the_account() throws SQLException {
        assertThat(planOf(JdbcSecurityEvents.FORGET_ORIGINS, statement -> {
            statement.setObject(1, UUID.randomUUID());
            statement.setString(2, "pseudonym");
        })).noneMatch(line -> line.contains("Seq Scan"));
    }

    @Test
    void purging_reset_windows_reads_no_whole_table() throws SQLException {
        assertThat(planOf(JdbcResetRequestCounts.FORGET_STALE, statement -> {
            Jdbc.setInstant(statement, 1, CUTOFF);
            statement.setInt(2, 500);
        })).noneMatch(line -> line.contains("Seq Scan"));
    }

    /**
     * A rotation is a HOT update (heap-only tuple: no index entry written; V1's fillfactor leaves room for it),
     * which PostgreSQL makes only while no index names a column the update changes.
     */
    @Test
    void no_index_of_the_sessions_names_a_column_that_a_rotation_changes() throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (Connection connection = database.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT indexdef FROM pg_indexes WHERE tablename = 'refresh_family'")) {
            while (rows.next()) {
                definitions.add(rows.getString(1));
            }
        }
        assertThat(definitions).hasSizeGreaterThanOrEqualTo(3)
                .noneMatch(index -> index.contains("generation") || index.contains("rotated_at") || index.contains("idle_expires_at"));
    }

    /** The plan of {@code sql} (not run) with sequential scans disabled. */
    private List<String> planOf(String sql, Jdbc.Binder binder) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (var off = connection.createStatement()) {
                off.execute("SET LOCAL enable_seqscan = off");
            }
            List<String> plan = new ArrayList<>();
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
                binder.bind(explain);
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.add(rows.getString(1));
                    }
                }
            } finally {
                connection.rollback();
            }
            assertThat(plan).isNotEmpty();
            return plan;
        }
    }
}
