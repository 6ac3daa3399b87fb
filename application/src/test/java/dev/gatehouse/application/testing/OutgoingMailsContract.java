package dev.gatehouse.application.testing;

import static dev.gatehouse.application.testing.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.out.mail.OutgoingMails;
import dev.gatehouse.application.port.out.mail.OutgoingMails.ClaimedMail;
import dev.gatehouse.application.port.out.mail.OutgoingMails.NewMail;
import dev.gatehouse.application.port.out.mail.SealedContent;
import dev.gatehouse.domain.user.EmailAddress;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OutgoingMails} does, run against the in-memory fake and against PostgreSQL: a mail stays until
 * it is removed, a claim hands each due mail to one caller and leases it, and a claim that ran out cannot finish a
 * mail that a later claim took over.
 */
public abstract class OutgoingMailsContract {

    private static final Instant LEASE_END = T0.plusSeconds(100);
    private static final Instant LONG_AFTER = T0.plus(Duration.ofDays(3650));

    private OutgoingMails mails;

    /** The store under test; asked once per test. */
    protected abstract OutgoingMails mails();

    /** After a test's mails are stored, before it claims: a store may bring its statistics up to date here. */
    protected void stored() {
    }

    /** Starts from an empty store (a shared database may hold the mails of other tests). */
    @BeforeEach
    void emptyStore() {
        mails = mails();
        for (List<ClaimedMail> left = mails.claim(LONG_AFTER, LONG_AFTER, 1000); !left.isEmpty();
                left = mails.claim(LONG_AFTER, LONG_AFTER, 1000)) {
            left.forEach(mails::remove);
        }
    }

    @Test
    void an_offered_mail_is_claimed_with_its_content_until_it_is_removed() {
        NewMail mail = aMail(anAddress(), T0.plusSeconds(1800));
        assertThat(mails.offer(mail, 10)).isTrue();
        assertThat(mails.pending()).isOne();

        List<ClaimedMail> claimed = mails.claim(T0, LEASE_END, 10);

        assertThat(claimed).hasSize(1);
        ClaimedMail first = claimed.get(0);
        assertThat(first.attempt()).isOne();
        assertThat(first.kind()).isEqualTo("password_reset");
        assertThat(first.content()).isEqualTo(mail.content());
        assertThat(first.expiresAt()).isEqualTo(T0.plusSeconds(1800));
        mails.remove(first);
        assertThat(mails.pending()).isZero();
        assertThat(mails.claim(LONG_AFTER, LONG_AFTER, 10)).isEmpty();
    }

    @Test
    void a_claimed_mail_is_not_due_again_before_its_lease_ends_and_then_is_attempt_two() {
        mails.offer(aMail(anAddress(), null), 10);
        ClaimedMail first = mails.claim(T0, LEASE_END, 10).get(0);
        assertThat(first.expiresAt()).isNull();

        assertThat(mails.claim(LEASE_END.minusMillis(1), LONG_AFTER, 10)).as("leased").isEmpty();
        List<ClaimedMail> again = mails.claim(LEASE_END, LONG_AFTER, 10);

        assertThat(again).extracting(ClaimedMail::attempt).containsExactly(2);
        mails.remove(first);
        assertThat(mails.pending()).as("the first claim ran out: it removes nothing").isOne();
        mails.postpone(first, T0);
        assertThat(mails.claim(LEASE_END, LONG_AFTER, 10)).as("nor postpones").isEmpty();
        mails.remove(again.get(0));
        assertThat(mails.pending()).isZero();
    }

    @Test
    void a_postponed_mail_is_due_at_its_next_attempt() {
        mails.offer(aMail(anAddress(), null), 10);
        ClaimedMail first = mails.claim(T0, LEASE_END, 10).get(0);

        mails.postpone(first, T0.plusSeconds(4));

        assertThat(mails.claim(T0.plusSeconds(3), LEASE_END, 10)).isEmpty();
        assertThat(mails.claim(T0.plusSeconds(4), LEASE_END, 10)).extracting(ClaimedMail::attempt).containsExactly(2);
    }

    @Test
    void a_claim_takes_at_most_its_limit_oldest_due_first() {
        for (int i = 0; i < 3; i++) {
            mails.offer(aMail(anAddress(), null, T0.plusSeconds(i)), 10);
        }
        List<ClaimedMail> claimed = mails.claim(T0.plusSeconds(10), LEASE_END, 2);
        assertThat(claimed).hasSize(2);
        assertThat(mails.claim(T0.plusSeconds(10), LEASE_END, 2)).hasSize(1);
    }

    @Test
    void beyond_its_capacity_a_mail_is_refused() {
        assertThat(mails.offer(aMail(anAddress(), null), 2)).isTrue();
        assertThat(mails.offer(aMail(anAddress(), null), 2)).isTrue();
        assertThat(mails.offer(aMail(anAddress(), null), 2)).isFalse();
        assertThat(mails.pending()).isEqualTo(2);
    }

    @Test
    void the_mails_to_an_address_are_deleted_and_no_others() {
        EmailAddress erased = anAddress();
        mails.offer(aMail(erased, null), 10);
        mails.offer(aMail(erased, T0.plusSeconds(60)), 10);
        mails.offer(aMail(anAddress(), null), 10);

        assertThat(mails.deleteAllTo(erased)).isEqualTo(2);

        assertThat(mails.pending()).isOne();
    }

    @Test
    void of_concurrent_claims_each_mail_goes_to_one() throws Exception {
        int count = 40;
        offerMails(count);

        List<ClaimedMail> claimed = race(() -> {
            List<ClaimedMail> mine = new ArrayList<>();
            for (List<ClaimedMail> batch = mails.claim(T0, LEASE_END, 3); !batch.isEmpty(); batch = mails.claim(T0, LEASE_END, 3)) {
                mine.addAll(batch);
            }
            return mine;
        });

        assertThat(claimed).hasSize(count);
        assertThat(claimed.stream().map(ClaimedMail::id).distinct()).hasSize(count);
    }

    /**
     * The outbox's workers, racing: each claims one mail at a time and postpones it (due again at once) until its
     * third attempt, then removes it. A claim of one must take one: rows beyond it were leased without an attempt.
     */
    @Test
    void a_claim_of_one_takes_one_while_other_workers_claim_and_postpone() throws Exception {
        int count = 60;
        offerMails(count);
        stored();

        List<Integer> sizes = race(() -> {
            List<Integer> mine = new ArrayList<>();
            for (List<ClaimedMail> batch = mails.claim(T0, LEASE_END, 1); !batch.isEmpty(); batch = mails.claim(T0, LEASE_END, 1)) {
                mine.add(batch.size());
                for (ClaimedMail mail : batch) {
                    if (mail.attempt() < 3) {
                        mails.postpone(mail, T0);
                    } else {
                        mails.remove(mail);
                    }
                }
            }
            return mine;
        });

        assertThat(sizes).as("rows per claim of one").containsOnly(1).hasSize(3 * count);
        assertThat(mails.pending()).isZero();
    }

    private void offerMails(int count) {
        for (int i = 0; i < count; i++) {
            mails.offer(aMail(anAddress(), null), 1000);
        }
    }

    /** What eight workers that start at once found, together. */
    private static <T> List<T> race(Callable<List<T>> worker) throws Exception {
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            var start = new CountDownLatch(1);
            List<Future<List<T>>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return worker.call();
                }));
            }
            start.countDown();
            List<T> found = new ArrayList<>();
            for (var result : results) {
                found.addAll(result.get());
            }
            return found;
        } finally {
            pool.shutdownNow();
        }
    }

    private static NewMail aMail(EmailAddress to, Instant expiresAt) {
        return aMail(to, expiresAt, T0);
    }

    private static NewMail aMail(EmailAddress to, Instant expiresAt, Instant createdAt) {
        return new NewMail("password_reset", to, new SealedContent("k1", UUID.randomUUID().toString().getBytes()), expiresAt, createdAt);
    }

    private static EmailAddress anAddress() {
        return EmailAddress.of("u" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
    }
}
