package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.IdGenerator;
import dev.gatehouse.application.port.out.Transactions;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Predictable ids for tests; also the trivial {@link Transactions} of in-memory fakes. */
public final class SequentialIds implements IdGenerator {

    private final AtomicLong next = new AtomicLong(1);

    @Override
    public UUID next() {
        return new UUID(0x4000L, 0x8000000000000000L | next.getAndIncrement());
    }

    /** Runs the work directly: the in-memory fakes have nothing to roll back. */
    public static Transactions directTransactions() {
        return new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return work.get();
            }
        };
    }
}
