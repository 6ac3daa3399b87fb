package dev.gatehouse.application.port;

/** Every hashing slot is busy and the wait queue is full: the request is shed, to be retried later. */
public final class HashingCapacityExceededException extends RuntimeException {

    public HashingCapacityExceededException() {
        super("password hashing capacity exceeded", null, false, false);
    }
}
