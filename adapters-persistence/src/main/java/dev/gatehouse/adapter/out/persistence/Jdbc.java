package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.StoreUnavailableException;
import dev.gatehouse.application.port.out.AccountDeletedException;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs SQL on the current connection: the transaction's inside {@link JdbcTransactions}, else a pooled
 * connection in auto-commit. Every {@link SQLException} leaves as {@link StoreUnavailableException}
 * unless the caller handles it, except a foreign-key violation: every foreign key of the schema refers to an
 * account ({@code user_account}, with {@code ON DELETE CASCADE}), so a row it refuses belongs to an account
 * that a concurrent deletion removed, and it leaves as {@link AccountDeletedException}.
 */
@Singleton
final class Jdbc {

    /** PostgreSQL's SQLSTATE for a unique-constraint violation. */
    static final String UNIQUE_VIOLATION = "23505";
    /** PostgreSQL's SQLSTATE for a foreign-key violation. */
    static final String FOREIGN_KEY_VIOLATION = "23503";

    private final JdbcTransactions connections;

    Jdbc(JdbcTransactions connections) {
        this.connections = connections;
    }

    private <R> R run(String sql, Statement<R> work) {
        return run(sql, null, work);
    }

    /** @param networkTimeout how long the database may send nothing, or {@code null} for the connection's own bound */
    private <R> R run(String sql, Duration networkTimeout, Statement<R> work) {
        try {
            return connections.onConnection(connection -> {
                if (networkTimeout != null) {
                    connection.setNetworkTimeout(Runnable::run, Math.toIntExact(networkTimeout.toMillis()));
                }
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    return work.apply(statement);
                }
            });
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows it touched. */
    int update(String sql, Binder binder) {
        return run(sql, statement -> {
            binder.bind(statement);
            return statement.executeUpdate();
        });
    }

    /** Runs a query (or a statement with RETURNING) that yields at most one row. */
    <T> Optional<T> queryOne(String sql, Binder binder, RowMapper<T> mapper) {
        return run(sql, one(binder, mapper));
    }

    /**
     * Runs a query that yields at most one row, giving up when the database sends nothing for {@code timeout}
     * ({@code setNetworkTimeout}: a silent server, which a statement timeout, a request to the server itself,
     * cannot end); the pool restores the connection's own timeout when it is returned.
     */
    <T> Optional<T> queryOneWithin(Duration timeout, String sql, Binder binder, RowMapper<T> mapper) {
        return run(sql, timeout, one(binder, mapper));
    }

    private static <T> Statement<Optional<T>> one(Binder binder, RowMapper<T> mapper) {
        return statement -> {
            binder.bind(statement);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(mapper.map(row)) : Optional.empty();
            }
        };
    }

    /** Runs a query and maps every row. */
    <T> List<T> queryList(String sql, Binder binder, RowMapper<T> mapper) {
        return run(sql, statement -> {
            binder.bind(statement);
            List<T> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(mapper.map(row));
                }
            }
            return rows;
        });
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** One statement's work: bind, execute, read. */
    @FunctionalInterface
    interface Statement<R> {
        R apply(PreparedStatement statement) throws SQLException;
    }

    /**
     * Binds {@code instant} as a UTC {@code timestamptz}. Not {@code OffsetDateTime.ofInstant}: on JDK 17 it builds
     * a new {@code ZoneRules} for the offset on every call (184 bytes instead of 72–96, docs/benchmarks.md 0.12).
     */
    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant == null ? null
                : OffsetDateTime.of(LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC), ZoneOffset.UTC));
    }

    static Instant getInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static UUID getUuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    private static RuntimeException translate(SQLException cause) {
        if (UNIQUE_VIOLATION.equals(cause.getSQLState())) {
            return new UniqueViolation(cause);
        }
        if (FOREIGN_KEY_VIOLATION.equals(cause.getSQLState())) {
            return new AccountDeletedException();
        }
        return new StoreUnavailableException(cause);
    }

    /** A unique constraint refused a row; adapters translate it into their port's exception. */
    static final class UniqueViolation extends RuntimeException {
        UniqueViolation(SQLException cause) {
            super("unique violation", cause, false, false);
        }
    }
}
