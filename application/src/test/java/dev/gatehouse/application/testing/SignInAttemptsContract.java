package dev.gatehouse.application.testing;

import static dev.gatehouse.application.testing.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.out.SignInAttempts;
import dev.gatehouse.domain.throttle.AdmissionRule;
import dev.gatehouse.domain.throttle.AttemptCount;
import dev.gatehouse.domain.throttle.SignInThrottlePolicy;
import dev.gatehouse.domain.user.EmailPseudonym;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SignInAttempts} does, run against the in-memory fake and against PostgreSQL: above all,
 * each attempt is one atomic step, so a burst of concurrent attempts counts exactly up to the lock.
 */
public abstract class SignInAttemptsContract {

    private static final SignInThrottlePolicy POLICY = new SignInThrottlePolicy(10, 20, Duration.ofSeconds(30), Duration.ofMinutes(15));

    private SignInAttempts attempts;
    private final EmailPseudonym account = new EmailPseudonym("acct-" + UUID.randomUUID());

    /** The store under test; asked once per test. */
    protected abstract SignInAttempts attempts();

    @BeforeEach
    void openStore() {
        attempts = attempts();
    }

    @Test
    void forty_concurrent_attempts_count_ten_and_after_the_lock_expires_one() throws Exception {
        List<AttemptCount> burst = concurrently(40, () -> attempts.countAttempt(account, POLICY.admissionAt(T0)));
        assertThat(burst).filteredOn(AttemptCount.Counted.class::isInstance).extracting(c -> ((AttemptCount.Counted) c).inRun())
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 10).boxed().toList());
        assertThat(burst).filteredOn(AttemptCount.Refused.class::isInstance).hasSize(30)
                .allSatisfy(refused -> assertThat(((AttemptCount.Refused) refused).lockedUntil()).isEqualTo(T0.plusSeconds(30)));

        Instant expired = T0.plusSeconds(30);
        List<AttemptCount> next = concurrently(40, () -> attempts.countAttempt(account, POLICY.admissionAt(expired)));
        assertThat(next).filteredOn(AttemptCount.Counted.class::isInstance).singleElement()
                .isEqualTo(new AttemptCount.Counted(11, 11));
    }

    @Test
    void a_deleted_accounts_counters_are_forgotten() {
        for (int i = 1; i <= 10; i++) {
            attempts.countAttempt(account, POLICY.admissionAt(T0));
        }
        attempts.forget(account);
        assertThat(attempts.countAttempt(account, POLICY.admissionAt(T0))).as("no lock, the run starts over")
                .isEqualTo(new AttemptCount.Counted(1, 1));
    }

    @Test
    void each_locking_attempt_holds_the_lock_its_failure_earns_from_the_moment_it_is_counted() {
        for (int i = 1; i <= 9; i++) {
            attempts.countAttempt(account, POLICY.admissionAt(T0));
        }
        assertThat(attempts.countAttempt(account, POLICY.admissionAt(T0))).isEqualTo(new AttemptCount.Counted(10, 10));
        assertThat(attempts.countAttempt(account, POLICY.admissionAt(T0.plusSeconds(1)))).as("the first lock")
                .isEqualTo(new AttemptCount.Refused(T0.plusSeconds(30), false));
        Instant expiry = T0.plusSeconds(30);
        for (int attempt = 11; attempt <= 16; attempt++) {
            int inRun = attempt;
            assertThat(attempts.countAttempt(account, POLICY.admissionAt(expiry)))
                    .isInstanceOfSatisfying(AttemptCount.Counted.class, counted -> assertThat(counted.inRun()).isEqualTo(inRun));
            Instant lockedUntil = expiry.plus(POLICY.lockAfter(attempt));
            assertThat(attempts.countAttempt(account, POLICY.admissionAt(expiry.plusMillis(1))))
                    .as("refused meanwhile: told the lock of attempt %d", attempt)
                    .isEqualTo(new AttemptCount.Refused(lockedUntil, false));
            expiry = lockedUntil;
        }
        assertThat(POLICY.lockAfter(16)).as("the longest lock was reached").isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void a_success_ends_the_run_and_lifts_the_lock_but_only_refunds_the_budget() {
        for (int i = 1; i <= 10; i++) {
            attempts.countAttempt(account, POLICY.admissionAt(T0));
        }
        attempts.recordSuccess(account, POLICY.admissionAt(T0).budgetWindowStart());
        assertThat(attempts.countAttempt(account, POLICY.admissionAt(T0))).as("no lock, a new run, the budget refunded once")
                .isEqualTo(new AttemptCount.Counted(1, 10));
    }

    @Test
    void a_full_budget_window_refuses_until_the_next_window() {
        for (int i = 1; i <= 20; i++) {
            attempts.countAttempt(account, POLICY.admissionAt(T0));
            attempts.recordSuccess(account, T0);
            attempts.countAttempt(account, POLICY.admissionAt(T0));
        }
        AdmissionRule now = POLICY.admissionAt(T0.plusSeconds(5));
        assertThat(attempts.countAttempt(account, now)).isEqualTo(new AttemptCount.Refused(null, true));
        assertThat(attempts.countAttempt(account, POLICY.admissionAt(T0.plusSeconds(60)))).isEqualTo(new AttemptCount.Counted(2, 1));
    }

    /** Hosts' clocks differ by a little: an attempt an instance behind dates in the previous minute counts in this one. */
    @Test
    void an_attempt_dated_in_an_earlier_window_counts_in_the_stored_one() {
        AdmissionRule ahead = POLICY.admissionAt(T0.plusSeconds(61));
        AdmissionRule behind = POLICY.admissionAt(T0.plusSeconds(55));
        assertThat(attempts.countAttempt(account, ahead)).isEqualTo(new AttemptCount.Counted(1, 1));
        assertThat(attempts.countAttempt(account, behind)).isEqualTo(new AttemptCount.Counted(2, 2));
        for (int i = 3; i <= 20; i++) {
            attempts.recordSuccess(account, ahead.budgetWindowStart());
            attempts.countAttempt(account, ahead);
            attempts.countAttempt(account, ahead);
        }
        assertThat(attempts.countAttempt(account, behind)).as("the budget of the stored window is spent")
                .isEqualTo(new AttemptCount.Refused(null, true));
    }

    @Test
    void stale_accounts_are_forgotten_and_recent_or_locked_ones_kept() {
        Instant longAgo = T0.minus(Duration.ofDays(3));
        EmailPseudonym forgotten = new EmailPseudonym("old-" + UUID.randomUUID());
        EmailPseudonym stillLocked = new EmailPseudonym("locked-" + UUID.randomUUID());
        attempts.countAttempt(forgotten, POLICY.admissionAt(longAgo));
        var lockingForDays = new SignInThrottlePolicy(1, 20, Duration.ofDays(3).plusMinutes(1), Duration.ofDays(3).plusMinutes(1));
        attempts.countAttempt(stillLocked, lockingForDays.admissionAt(longAgo));

        while (attempts.forgetStale(T0.minus(Duration.ofDays(1)), 1000) == 1000) {
            // keep going until this batch was the last
        }

        assertThat(attempts.countAttempt(forgotten, POLICY.admissionAt(T0))).as("forgotten: the run starts over")
                .isEqualTo(new AttemptCount.Counted(1, 1));
        assertThat(attempts.countAttempt(stillLocked, POLICY.admissionAt(T0))).isInstanceOf(AttemptCount.Refused.class);
    }

    /** Runs {@code task} on {@code threads} threads released together; the answers in submission order. */
    private static <T> List<T> concurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = IntStream.range(0, threads).mapToObj(i -> pool.submit(() -> {
                start.await();
                return task.call();
            })).toList();
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
