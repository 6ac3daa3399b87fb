package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.StoreUnavailableException;
import dev.gatehouse.application.port.out.Transactions;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection each statement runs on, and the transactions around several of them.
 *
 * <p>Invariants: inside {@link #inTransaction} every statement of the calling thread runs on that transaction's
 * one connection (a nested call joins it); outside, each statement borrows a pooled connection in auto-commit
 * and gives it back at once (one round trip for a single-statement write). Any exception out of the work rolls
 * the transaction back and passes through; a failed BEGIN or COMMIT leaves as {@link StoreUnavailableException}.
 * The work runs on the calling thread, so a {@link ThreadLocal} is the whole transaction context.
 */
@Singleton
final class JdbcTransactions implements Transactions {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTransactions.class);

    private final DataSource pool;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    JdbcTransactions(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        Connection connection = begin();
        current.set(connection);
        try {
            T result = work.get();
            connection.commit();
            return result;
        } catch (SQLException cannotCommit) {
            rollBack(connection);
            throw new StoreUnavailableException(cannotCommit);
        } catch (RuntimeException | Error failure) {
            rollBack(connection);
            throw failure;
        } finally {
            current.remove();
            close(connection);
        }
    }

    /** Runs {@code work} on the current transaction's connection, else on a pooled one in auto-commit. */
    <R> R onConnection(ConnectionWork<R> work) throws SQLException {
        Connection transaction = current.get();
        if (transaction != null) {
            return work.apply(transaction);
        }
        try (Connection connection = pool.getConnection()) {
            return work.apply(connection);
        }
    }

    private Connection begin() {
        try {
            Connection connection = pool.getConnection();
            try {
                connection.setAutoCommit(false); // pgjdbc sends BEGIN with the first statement: no extra round trip
                return connection;
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException cannotConnect) {
            throw new StoreUnavailableException(cannotConnect);
        }
    }

    private static void rollBack(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed; the pool discards the connection: {}", e.toString());
        }
    }

    /** Back to the pool, which restores auto-commit (HikariCP resets what a borrower changed). */
    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("could not return a connection to the pool: {}", e.toString());
        }
    }

    @FunctionalInterface
    interface ConnectionWork<R> {
        R apply(Connection connection) throws SQLException;
    }
}
