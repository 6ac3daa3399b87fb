package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.scheduling.TaskExecutors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The request executor of the running service starts a thread only when no started one is free: a fixed pool
 * (Micronaut's {@code type: fixed}) would start one for each of these tasks, up to its 160.
 */
class RequestThreadsTest {

    @Test
    void tasks_one_after_another_start_at_most_one_request_thread() throws Exception {
        GatehouseServer.shared();
        ExecutorService blocking = GatehouseServer.context().getBean(ExecutorService.class, Qualifiers.byName(TaskExecutors.BLOCKING));
        long before = requestThreads();

        for (int i = 0; i < 30; i++) {
            blocking.submit(() -> { }).get(5, TimeUnit.SECONDS);
        }

        assertThat(requestThreads()).isLessThanOrEqualTo(before + 1);
    }

    private static long requestThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(TaskExecutors.BLOCKING + "-executor-")).count();
    }
}
