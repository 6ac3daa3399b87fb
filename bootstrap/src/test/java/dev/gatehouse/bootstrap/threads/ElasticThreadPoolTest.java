package dev.gatehouse.bootstrap.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ElasticThreadPoolTest {

    private ElasticThreadPool pool = new ElasticThreadPool(4, Duration.ofMinutes(1), Executors.defaultThreadFactory());

    @AfterEach
    void shutDown() {
        pool.shutdownNow();
    }

    @Test
    void tasks_one_after_another_share_one_thread() throws Exception {
        for (int i = 0; i < 20; i++) {
            pool.submit(() -> { }).get(5, TimeUnit.SECONDS);
            awaitTrue(() -> pool.getActiveCount() == 0);
        }

        assertThat(pool.getLargestPoolSize()).isEqualTo(1); // a fixed pool of 4 would have started 4
    }

    @Test
    void busy_threads_make_the_pool_grow_to_its_maximum_and_then_tasks_wait_in_order() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch releaseOthers = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(4);
        List<Integer> order = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 4; i++) {
            CountDownLatch release = i == 0 ? releaseFirst : releaseOthers;
            pool.execute(() -> {
                running.countDown();
                await(release);
            });
        }
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        Future<?> fifth = pool.submit(() -> order.add(5));
        Future<?> sixth = pool.submit(() -> order.add(6));

        assertThat(pool.getPoolSize()).isEqualTo(4);
        assertThat(pool.getQueue()).hasSize(2);
        releaseFirst.countDown(); // one thread free: it takes the waiting tasks one after another
        fifth.get(5, TimeUnit.SECONDS);
        sixth.get(5, TimeUnit.SECONDS);
        assertThat(order).containsExactly(5, 6);
        assertThat(pool.getLargestPoolSize()).isEqualTo(4);
        releaseOthers.countDown();
    }

    @Test
    void a_task_never_waits_while_a_thread_may_still_be_started() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            pool.execute(() -> {
                running.countDown();
                await(release);
            });
        }

        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue(); // three at once on three threads
        assertThat(pool.getQueue()).isEmpty();
        release.countDown();
    }

    @Test
    void idle_threads_end() throws Exception {
        pool = new ElasticThreadPool(4, Duration.ofMillis(50), Executors.defaultThreadFactory());
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < 3; i++) {
            pool.execute(() -> await(release));
        }
        awaitTrue(() -> pool.getPoolSize() == 3);
        release.countDown();

        awaitTrue(() -> pool.getPoolSize() == 0);
        pool.submit(() -> { }).get(5, TimeUnit.SECONDS); // and it starts again
    }

    @Test
    void a_shut_down_pool_refuses_tasks() {
        pool.shutdown();

        assertThatThrownBy(() -> pool.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
