package dev.gatehouse.adapter.out.security.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.adapter.out.security.password.HashingGate.Lane;
import dev.gatehouse.adapter.out.security.password.HashingGate.Limits;
import dev.gatehouse.application.port.HashingCapacityExceededException;
import io.micronaut.context.exceptions.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gate with a hand-driven clock: every "hash" advances it by a chosen time, latches hold the slots. */
class HashingGateTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final AtomicLong nanos = new AtomicLong();
    private final ExecutorService requests = Executors.newCachedThreadPool();

    @AfterEach
    void stopRequests() {
        requests.shutdownNow();
    }

    @Test
    void a_burst_of_sixty_four_waits_for_the_slots_instead_of_failing() throws Exception {
        var gate = new HashingGate(new Limits(2, 128, DEADLINE), nanos::get);
        hash(gate, Lane.SIGN_IN, Duration.ofMillis(25));
        var release = new CountDownLatch(1);
        List<CompletableFuture<String>> holders = List.of(hold(gate, release), hold(gate, release));
        List<CompletableFuture<String>> burst = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            burst.add(submit(gate, i % 4 == 0 ? Lane.REGISTRATION : Lane.SIGN_IN));
        }
        awaitWaiting(gate, 64);
        release.countDown();
        assertThat(join(holders)).containsOnly("held");
        assertThat(join(burst)).hasSize(64).containsOnly("hashed");
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void the_gate_reports_its_load_for_the_gauges() throws Exception {
        var gate = new HashingGate(new Limits(2, 128, DEADLINE), nanos::get);
        var release = new CountDownLatch(1);
        List<CompletableFuture<String>> holders = List.of(hold(gate, release), hold(gate, release));
        var waiter = submit(gate, Lane.SIGN_IN);
        awaitWaiting(gate, 1);
        assertThat(gate.inFlight()).isEqualTo(2);
        release.countDown();
        assertThat(join(holders)).containsOnly("held");
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isEqualTo("hashed");
        assertThat(gate.inFlight()).isZero();
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void hashes_whose_estimated_wait_passes_the_deadline_are_shed_at_once() throws Exception {
        var gate = new HashingGate(new Limits(1, 128, DEADLINE), nanos::get);
        hash(gate, Lane.SIGN_IN, Duration.ofSeconds(1)); // mean hash time: 1 s, one slot
        var release = new CountDownLatch(1);
        var holder = hold(gate, release);
        List<CompletableFuture<String>> admitted = new ArrayList<>();
        for (int i = 0; i < 10; i++) { // the 10th waits about 10 s: still within the deadline
            admitted.add(submit(gate, Lane.SIGN_IN));
            awaitWaiting(gate, i + 1);
        }
        long before = nanos.get();
        assertThatThrownBy(() -> gate.run(Lane.SIGN_IN, () -> "eleventh")).isInstanceOf(HashingCapacityExceededException.class);
        assertThat(nanos.get()).as("shed without waiting").isEqualTo(before);
        release.countDown();
        holder.get(5, TimeUnit.SECONDS);
        assertThat(join(admitted)).containsOnly("hashed");
    }

    @Test
    void the_measured_mean_follows_the_hash_time() throws Exception {
        var gate = new HashingGate(new Limits(1, 128, DEADLINE), nanos::get);
        hash(gate, Lane.SIGN_IN, Duration.ofSeconds(20)); // one slow hash: nobody may wait now
        var release = new CountDownLatch(1);
        var holder = hold(gate, release);
        assertThatThrownBy(() -> gate.run(Lane.SIGN_IN, () -> "waiter")).isInstanceOf(HashingCapacityExceededException.class);
        release.countDown();
        holder.get(5, TimeUnit.SECONDS);
        for (int i = 0; i < 40; i++) {
            hash(gate, Lane.SIGN_IN, Duration.ofMillis(10));
        }
        var again = new CountDownLatch(1);
        var second = hold(gate, again);
        var waiter = submit(gate, Lane.SIGN_IN);
        awaitWaiting(gate, 1);
        again.countDown();
        second.get(5, TimeUnit.SECONDS);
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isEqualTo("hashed");
    }

    @Test
    void registrations_hold_at_most_a_quarter_of_the_waiting_places() throws Exception {
        var gate = new HashingGate(new Limits(1, 8, DEADLINE), nanos::get);
        var release = new CountDownLatch(1);
        var holder = hold(gate, release);
        var registrations = List.of(submit(gate, Lane.REGISTRATION), submit(gate, Lane.REGISTRATION));
        awaitWaiting(gate, 2);
        assertThatThrownBy(() -> gate.run(Lane.REGISTRATION, () -> "third")).isInstanceOf(HashingCapacityExceededException.class);
        List<CompletableFuture<String>> signIns = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            signIns.add(submit(gate, Lane.SIGN_IN));
        }
        awaitWaiting(gate, 8);
        assertThatThrownBy(() -> gate.run(Lane.SIGN_IN, () -> "ninth")).isInstanceOf(HashingCapacityExceededException.class);
        release.countDown();
        holder.get(5, TimeUnit.SECONDS);
        assertThat(join(registrations)).containsOnly("hashed");
        assertThat(join(signIns)).containsOnly("hashed");
    }

    @Test
    void without_waiting_places_a_busy_gate_sheds() throws Exception {
        var gate = new HashingGate(new Limits(1, 0, DEADLINE), nanos::get);
        var release = new CountDownLatch(1);
        var holder = hold(gate, release);
        assertThatThrownBy(() -> gate.run(Lane.SIGN_IN, () -> "second")).isInstanceOf(HashingCapacityExceededException.class);
        release.countDown();
        holder.get(5, TimeUnit.SECONDS);
        assertThat(gate.run(Lane.SIGN_IN, () -> "after")).isEqualTo("after");
    }

    @Test
    void a_waiter_gives_up_after_the_longest_wait_and_slots_survive_failures() throws Exception {
        var gate = new HashingGate(new Limits(1, 1, Duration.ofMillis(50)), nanos::get);
        var release = new CountDownLatch(1);
        var holder = hold(gate, release);
        assertThatThrownBy(() -> gate.run(Lane.SIGN_IN, () -> "waited")).isInstanceOf(HashingCapacityExceededException.class);
        assertThat(gate.waiting()).isZero();
        release.countDown();
        holder.get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> gate.run(Lane.SIGN_IN, () -> { throw new IllegalStateException("boom"); }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(gate.run(Lane.SIGN_IN, () -> "slot released")).isEqualTo("slot released");
    }

    @Test
    void limits_out_of_range_are_refused() {
        assertThatThrownBy(() -> new Limits(0, 1, DEADLINE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limits(1, -1, DEADLINE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limits(1, 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_start_fails_when_waiting_hashes_could_take_the_threads_other_requests_need() {
        var factory = new PasswordHashingFactory();
        assertThat(factory.hashingLimits(2, 96, DEADLINE, 160)).isEqualTo(new Limits(2, 96, DEADLINE));
        assertThat(factory.hashingLimits(2, 96, DEADLINE, 0).maxWaiting()).as("executor without a fixed size").isEqualTo(96);
        assertThatThrownBy(() -> factory.hashingLimits(2, 96, DEADLINE, 64)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gatehouse.password-hashing.max-concurrent + max-queued (98)")
                .hasMessageContaining("micronaut.executors.blocking.number-of-threads");
        assertThatThrownBy(() -> factory.hashingLimits(-1, 96, DEADLINE, 0)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gatehouse.password-hashing");
        assertThatThrownBy(() -> factory.hashingLimits(2, 96, Duration.ZERO, 0)).isInstanceOf(ConfigurationException.class);
    }

    /** One hash that takes {@code took} on the test clock. */
    private void hash(HashingGate gate, Lane lane, Duration took) {
        gate.run(lane, () -> nanos.addAndGet(took.toNanos()));
    }

    /** Takes a slot and keeps it until {@code release} opens; returns once the slot is taken. */
    private CompletableFuture<String> hold(HashingGate gate, CountDownLatch release) throws InterruptedException {
        var inside = new CountDownLatch(1);
        var holder = CompletableFuture.supplyAsync(() -> gate.run(Lane.SIGN_IN, () -> {
            inside.countDown();
            await(release);
            return "held";
        }), requests);
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        return holder;
    }

    private CompletableFuture<String> submit(HashingGate gate, Lane lane) {
        return CompletableFuture.supplyAsync(() -> gate.run(lane, () -> "hashed"), requests);
    }

    private static void awaitWaiting(HashingGate gate, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (gate.waiting() < expected && System.nanoTime() < deadline) {
            Thread.yield();
        }
        assertThat(gate.waiting()).isEqualTo(expected);
    }

    private static List<String> join(List<CompletableFuture<String>> futures) {
        return futures.stream().map(future -> future.orTimeout(10, TimeUnit.SECONDS).join()).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
