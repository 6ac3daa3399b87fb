package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.in.web.ops.Draining;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.annotation.PostConstruct;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * {@code gatehouse.shutdown.drain} (none by default): on SIGTERM, first that long of draining, during which readiness
 * answers {@code 503} ({@link Draining}) so that a load balancer polling it takes the instance out while every
 * request is still served, then the stop as without a drain (Micronaut's graceful shutdown: the listener closes,
 * in-flight requests finish). Without a drain a request that a balancer sends on an idle keep-alive connection in
 * the moment the connections close gets no answer. The JVM's own SIGTERM handling starts the stop at once (its
 * shutdown hooks close the listener before any application event), so the drain takes the signal over; a second
 * SIGTERM stops at once. Checked at start.
 */
@Context
@ConfigurationProperties("gatehouse.shutdown")
public class ShutdownDrain {

    private static final Duration LONGEST = Duration.ofMinutes(10);

    /** The exit status of a stop by SIGTERM, as the JVM's own handling gives it (128 + 15). */
    static final int SIGTERM_STATUS = 143;
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownDrain.class);

    private Duration drain = Duration.ZERO;

    @PostConstruct
    void check() {
        if (drain.isNegative() || drain.compareTo(LONGEST) > 0) {
            throw new ConfigurationException("gatehouse.shutdown.drain must be zero or a positive duration (such as 10s) of at most "
                    + "10 minutes (longer, a SIGTERM would leave the instance unready and running), not " + drain);
        }
    }

    public Duration getDrain() {
        return drain;
    }

    public void setDrain(Duration drain) {
        this.drain = drain;
    }

    /** Takes SIGTERM over for the drain of {@code started}'s configuration; with no drain, leaves the JVM's handling. */
    static void install(ApplicationContext started) {
        Duration drain = started.getBean(ShutdownDrain.class).getDrain();
        if (drain.isZero()) {
            return;
        }
        Draining draining = started.getBean(Draining.class);
        Signal.handle(new Signal("TERM"), signal -> {
            if (draining.isDraining()) {
                System.exit(SIGTERM_STATUS);
            }
            draining.begin();
            LOG.info("SIGTERM: draining for {} ms before stopping (readiness answers 503, requests are still served)", drain.toMillis());
            try {
                Thread.sleep(drain.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            System.exit(SIGTERM_STATUS);
        });
    }
}
