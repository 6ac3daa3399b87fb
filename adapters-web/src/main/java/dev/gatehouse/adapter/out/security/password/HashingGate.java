package dev.gatehouse.adapter.out.security.password;

import dev.gatehouse.application.port.HashingCapacityExceededException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Admission control for password hashing. {@code slots} hashes run at once (one per core by default); the rest
 * wait for a slot in arrival order, so a burst of sign-ins (a morning rush) queues instead of failing. A hash is
 * shed at once with {@link HashingCapacityExceededException} (503 + {@code Retry-After}) when
 * <ul>
 *   <li>its estimated wait, (hashes waiting + 1) × the measured mean hash time ÷ slots, exceeds {@code maxWait};</li>
 *   <li>{@code maxWaiting} hashes already wait: each waiter holds a request thread, and the rest of the threads
 *       must stay free for refreshes, health checks and everything else;</li>
 *   <li>it is a {@linkplain Lane#REGISTRATION registration} and registrations already hold a quarter of the waiting
 *       places, so that a registration flood cannot turn sign-ins into 503s.</li>
 * </ul>
 * A waiter that still has no slot after {@code maxWait} (the estimate was too low) is shed then.
 */
final class HashingGate implements HashingLoad {

    /** Who asks for a hash; registrations may hold at most a quarter of the waiting places. */
    enum Lane { SIGN_IN, REGISTRATION }

    /** At most {@code slots} hashes at once, {@code maxWaiting} waiting, none waiting longer than {@code maxWait}. */
    record Limits(int slots, int maxWaiting, Duration maxWait) {
        Limits {
            if (slots < 1 || maxWaiting < 0 || maxWait.isNegative() || maxWait.isZero()) {
                throw new IllegalArgumentException("hashing limits out of range: " + slots + ", " + maxWaiting + ", " + maxWait);
            }
        }

        int maxWaitingRegistrations() {
            return maxWaiting / 4;
        }
    }

    /** Weight of the newest hash time in the moving mean: 1/8. */
    private static final int MEAN_WINDOW = 8;

    private final Limits limits;
    private final Semaphore slots;
    private final LongSupplier nanoTime;
    private int waiting;
    private int waitingRegistrations;
    private long meanHashNanos;

    /** {@code nanoTime} is a monotonic clock ({@code System::nanoTime} in production). */
    HashingGate(Limits limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.slots = new Semaphore(limits.slots(), true);
        this.nanoTime = nanoTime;
    }

    /** Runs {@code hashing} in a slot, after waiting for one if admitted, or throws without running it. */
    <T> T run(Lane lane, Supplier<T> hashing) {
        acquire(lane);
        try {
            long started = nanoTime.getAsLong();
            T result = hashing.get();
            record(nanoTime.getAsLong() - started);
            return result;
        } finally {
            slots.release();
        }
    }

    /** How many hashes wait for a slot now. */
    @Override
    public synchronized int waiting() {
        return waiting;
    }

    @Override
    public int inFlight() {
        return limits.slots() - slots.availablePermits();
    }

    private void acquire(Lane lane) {
        try {
            if (slots.tryAcquire(0, TimeUnit.NANOSECONDS)) { // unlike tryAcquire(), never overtakes a waiter
                return;
            }
            admitToWait(lane);
            try {
                if (!slots.tryAcquire(limits.maxWait().toNanos(), TimeUnit.NANOSECONDS)) {
                    throw new HashingCapacityExceededException();
                }
            } finally {
                leaveWaiting(lane);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new HashingCapacityExceededException();
        }
    }

    private synchronized void admitToWait(Lane lane) {
        boolean registration = lane == Lane.REGISTRATION;
        long estimatedWait = (waiting + 1) * meanHashNanos / limits.slots();
        if (waiting >= limits.maxWaiting() || estimatedWait > limits.maxWait().toNanos()
                || registration && waitingRegistrations >= limits.maxWaitingRegistrations()) {
            throw new HashingCapacityExceededException();
        }
        waiting++;
        waitingRegistrations += registration ? 1 : 0;
    }

    private synchronized void leaveWaiting(Lane lane) {
        waiting--;
        waitingRegistrations -= lane == Lane.REGISTRATION ? 1 : 0;
    }

    private synchronized void record(long hashNanos) {
        meanHashNanos = meanHashNanos == 0 ? hashNanos : meanHashNanos + (hashNanos - meanHashNanos) / MEAN_WINDOW;
    }
}
