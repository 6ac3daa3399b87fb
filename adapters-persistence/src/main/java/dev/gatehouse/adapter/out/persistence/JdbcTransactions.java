package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.StoreUnavailableException;
import dev.gatehouse.application.port.out.Transactions;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.function.Supplier;

/** One database transaction around the work; any exception rolls it back and passes through. */
@Singleton
final class JdbcTransactions implements Transactions {

    private final TransactionOperations<Connection> transactions;

    JdbcTransactions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return transactions.executeWrite(status -> work.get());
        } catch (TransactionException | ConnectionException cannotCommit) {
            throw new StoreUnavailableException(cannotCommit);
        }
    }
}
