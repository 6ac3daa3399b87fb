package dev.gatehouse.adapter.in.web.bff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.in.RefreshTokensUseCase;
import dev.gatehouse.application.port.in.RefreshTokensUseCase.RefreshResult;
import dev.gatehouse.domain.token.ClientId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Concurrent refreshes of one session's token in one instance: one call of the use case, one shared result. */
class SingleFlightRefreshTest {

    private static final ClientId BFF = new ClientId("bff");

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger calls = new AtomicInteger();
    private final RefreshResult result = new RefreshResult.InvalidGrant(RefreshTokensUseCase.Reason.EXPIRED);
    private final SingleFlightRefresh singleFlight = new SingleFlightRefresh(command -> {
        calls.incrementAndGet();
        awaitRelease();
        return result;
    });

    @Test
    void twenty_concurrent_refreshes_of_one_token_call_the_use_case_once_and_share_its_result() {
        List<Thread> threads = new ArrayList<>();
        List<CompletableFuture<RefreshResult>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            var answer = new CompletableFuture<RefreshResult>();
            answers.add(answer);
            Thread thread = new Thread(() -> answer.complete(singleFlight.refresh("family.0.proof", BFF, "10.0.0.1")));
            thread.start();
            threads.add(thread);
        }
        awaitAllWaiting(threads);
        release.countDown();

        assertThat(answers).allSatisfy(answer -> assertThat(answer.join()).isSameAs(result));
        assertThat(calls).hasValue(1);
    }

    @Test
    void a_refresh_after_the_first_completed_runs_again() {
        release.countDown();
        singleFlight.refresh("family.0.proof", BFF, "10.0.0.1");
        singleFlight.refresh("family.0.proof", BFF, "10.0.0.1");
        assertThat(calls).hasValue(2);
    }

    /** Every thread parked: the first inside the use case, the others waiting for its result. */
    private static void awaitAllWaiting(List<Thread> threads) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!threads.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING)) {
            assertThat(Instant.now()).as("all threads waiting").isBefore(deadline);
            Thread.onSpinWait();
        }
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
