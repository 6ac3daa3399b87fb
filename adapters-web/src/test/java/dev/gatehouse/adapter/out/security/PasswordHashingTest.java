package dev.gatehouse.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.port.HashingCapacityExceededException;
import dev.gatehouse.domain.user.Password;
import dev.gatehouse.domain.user.PasswordHash;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PasswordHashingTest {

    private static final Password PASSWORD = Password.of("correct horse battery");
    private final Argon2idPasswordHasher cheap = hasher(new Argon2idPasswordHasher.Cost(1024, 1, 1));

    @Test
    void hashes_are_salted_phc_strings_with_the_owasp_parameters() {
        var owasp = hasher(Argon2idPasswordHasher.Cost.OWASP);
        PasswordHash hash = owasp.hash(PASSWORD);
        assertThat(hash.encoded()).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(owasp.hash(PASSWORD)).isNotEqualTo(hash);
        assertThat(owasp.matches(PASSWORD, hash)).isTrue();
        assertThat(owasp.matches(Password.of("correct horse battery!"), hash)).isFalse();
        assertThat(owasp.needsRehash(hash)).isFalse();
    }

    @Test
    void hashes_with_other_parameters_still_verify_and_ask_for_an_upgrade() {
        PasswordHash old = cheap.hash(PASSWORD);
        var current = hasher(Argon2idPasswordHasher.Cost.OWASP);
        assertThat(current.matches(PASSWORD, old)).isTrue();
        assertThat(current.needsRehash(old)).isTrue();
    }

    @Test
    void unreadable_or_absurd_stored_hashes_never_match() {
        assertThat(cheap.matches(PASSWORD, new PasswordHash("$2b$12$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz012"))).isFalse();
        assertThat(cheap.matches(PASSWORD, new PasswordHash("$argon2id$v=19$m=9999999,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
                + "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g"))).isFalse();
        assertThat(cheap.needsRehash(new PasswordHash("plain"))).isTrue();
    }

    @Test
    void the_gate_sheds_work_beyond_its_slots_and_queue() throws Exception {
        var gate = new HashingGate(1, 0, Duration.ofSeconds(5));
        var release = new CountDownLatch(1);
        var holder = occupy(gate, release);
        assertThatThrownBy(() -> gate.run(() -> "second")).isInstanceOf(HashingCapacityExceededException.class);
        release.countDown();
        holder.get(5, TimeUnit.SECONDS);
        assertThat(gate.run(() -> "after")).isEqualTo("after");
    }

    @Test
    void a_waiter_gives_up_after_the_longest_wait_and_slots_survive_failures() throws Exception {
        var gate = new HashingGate(1, 1, Duration.ofMillis(50));
        var release = new CountDownLatch(1);
        var holder = occupy(gate, release);
        assertThatThrownBy(() -> gate.run(() -> "waited")).isInstanceOf(HashingCapacityExceededException.class);
        release.countDown();
        holder.get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> gate.run(() -> { throw new IllegalStateException("boom"); })).isInstanceOf(IllegalStateException.class);
        assertThat(gate.run(() -> "slot released")).isEqualTo("slot released");
    }

    /** Holds the gate's one slot until {@code release} opens; returns once the slot is taken. */
    private static CompletableFuture<Void> occupy(HashingGate gate, CountDownLatch release) throws InterruptedException {
        var inside = new CountDownLatch(1);
        var holder = CompletableFuture.runAsync(() -> gate.run(() -> {
            inside.countDown();
            await(release);
            return null;
        }));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        return holder;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Argon2idPasswordHasher hasher(Argon2idPasswordHasher.Cost cost) {
        return new Argon2idPasswordHasher(cost, new HashingGate(2, 4, Duration.ofSeconds(5)), new SecureRandom());
    }
}
