package dev.gatehouse.bootstrap.threads;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded pool that starts threads only when it needs them and lets idle ones end.
 *
 * <p>Invariants: at most {@code maxThreads} threads; a task gets a new thread only when every started thread is
 * busy; beyond {@code maxThreads} busy threads, tasks wait in arrival order (like {@code newFixedThreadPool}); a
 * thread that finds no task for {@code idle} ends. A fixed pool instead starts a thread for each of its first
 * {@code maxThreads} tasks even when the others are idle, and keeps them all for ever.
 *
 * <p>The pool counts the tasks it was given and has not finished: while that count is at most the number of
 * started threads, one of them is free (or about to be) and the task is queued for it; otherwise the queue refuses
 * the task, which makes {@link ThreadPoolExecutor} start a thread for it, and when none may be started the task
 * is queued after all.
 */
final class ElasticThreadPool extends ThreadPoolExecutor {

    private final AtomicInteger unfinished = new AtomicInteger();

    ElasticThreadPool(int maxThreads, Duration idle, ThreadFactory threads) {
        super(0, maxThreads, idle.toNanos(), TimeUnit.NANOSECONDS, new ThreadFirstQueue(), threads, ElasticThreadPool::queueAfterAll);
        ((ThreadFirstQueue) getQueue()).pool = this;
    }

    @Override
    public void execute(Runnable task) {
        unfinished.incrementAndGet();
        try {
            super.execute(task);
        } catch (RejectedExecutionException shutDown) {
            unfinished.decrementAndGet();
            throw shutDown;
        }
    }

    @Override
    protected void afterExecute(Runnable task, Throwable thrown) {
        unfinished.decrementAndGet();
    }

    private boolean aStartedThreadIsFree() {
        return unfinished.get() <= getPoolSize();
    }

    private static void queueAfterAll(Runnable task, ThreadPoolExecutor pool) {
        if (pool.isShutdown()) {
            throw new RejectedExecutionException("the request thread pool is shut down");
        }
        ((ThreadFirstQueue) pool.getQueue()).queue(task);
    }

    /** Takes a task only when a started thread is free to run it; {@link #queue} takes it regardless. */
    private static final class ThreadFirstQueue extends LinkedBlockingQueue<Runnable> {
        private transient ElasticThreadPool pool;

        @Override
        public boolean offer(Runnable task) {
            return pool.aStartedThreadIsFree() && super.offer(task);
        }

        void queue(Runnable task) {
            super.offer(task);
        }
    }
}
