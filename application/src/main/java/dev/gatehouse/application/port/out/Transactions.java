package dev.gatehouse.application.port.out;

import java.util.function.Supplier;

/** Runs work that touches several stores as one unit: all of it is committed, or none. */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
