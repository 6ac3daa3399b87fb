package dev.gatehouse.application.port.out;

/** Whether the store answers now. */
public interface StoreHealth {

    boolean isAvailable();
}
