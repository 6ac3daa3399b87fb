package dev.gatehouse.bootstrap.threads;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replaces the request executor Micronaut builds from {@code micronaut.executors.blocking} (a fixed pool of
 * {@code number-of-threads}) with an {@link ElasticThreadPool} of the same maximum, before anything uses it or
 * measures it (highest precedence among the listeners).
 *
 * <p>Why: sign-ins waiting for a hashing slot hold a request thread each, so the maximum is sized for a rush
 * (160 by default, see {@code gatehouse.password-hashing.max-queued}), but a fixed pool would start all 160 in the
 * first minute and keep them, each with its resident stack. Here the threads follow the load: about as many as
 * requests run at once, and those idle for {@code gatehouse.request-threads.idle} (default 30 s) end.
 */
@Singleton
final class RequestThreads implements BeanCreatedEventListener<ExecutorService>, Ordered {

    private final int maxThreads;
    private final Duration idle;

    RequestThreads(@Value("${micronaut.executors.blocking.number-of-threads}") int maxThreads,
            @Value("${gatehouse.request-threads.idle:30s}") Duration idle) {
        if (maxThreads < 1 || idle.isNegative() || idle.isZero()) {
            throw new ConfigurationException("micronaut.executors.blocking.number-of-threads must "
                    + "be at least 1 and gatehouse.request-threads.idle positive; got " + maxThreads + ", " + idle);
        }
        this.maxThreads = maxThreads;
        this.idle = idle;
    }

    @Override
    public ExecutorService onCreated(BeanCreatedEvent<ExecutorService> event) {
        if (!TaskExecutors.BLOCKING.equals(event.getBeanIdentifier().getName())) {
            return event.getBean();
        }
        event.getBean().shutdown(); // it has started no thread yet
        return new ElasticThreadPool(maxThreads, idle, named(TaskExecutors.BLOCKING + "-executor-"));
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(false); // as Micronaut's own request threads: a request being answered holds the exit
            return thread;
        };
    }
}
