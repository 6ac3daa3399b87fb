package dev.gatehouse.adapter.out.mail;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;

/**
 * Starts the outbox's worker once the application has started, after every other start-up listener (the schema
 * migration among them), so that its first look into the outbox finds the table there.
 */
@Singleton
@Order(Integer.MAX_VALUE)
final class MailWorkerStart implements ApplicationEventListener<StartupEvent> {

    private final MailOutbox outbox;

    MailWorkerStart(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void onApplicationEvent(StartupEvent started) {
        outbox.start();
    }
}
