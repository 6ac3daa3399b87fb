package dev.gatehouse.adapter.out.security;

import dev.gatehouse.application.port.HashingCapacityExceededException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds password hashing: at most {@code concurrent} hashes run at once, at most {@code queued} wait,
 * none waits longer than {@code maxWait}. Excess is shed with {@link HashingCapacityExceededException},
 * so a flood of sign-ins costs a bounded share of CPU and memory and cannot starve refreshes or health.
 */
final class HashingGate {

    private final Semaphore slots;
    private final int queued;
    private final Duration maxWait;
    private final AtomicInteger waiting = new AtomicInteger();

    HashingGate(int concurrent, int queued, Duration maxWait) {
        this.slots = new Semaphore(concurrent, true);
        this.queued = queued;
        this.maxWait = maxWait;
    }

    <T> T run(Supplier<T> hashing) {
        acquire();
        try {
            return hashing.get();
        } finally {
            slots.release();
        }
    }

    private void acquire() {
        if (slots.tryAcquire()) {
            return;
        }
        if (waiting.incrementAndGet() > queued) {
            waiting.decrementAndGet();
            throw new HashingCapacityExceededException();
        }
        try {
            if (!slots.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new HashingCapacityExceededException();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new HashingCapacityExceededException();
        } finally {
            waiting.decrementAndGet();
        }
    }
}
