package dev.gatehouse.bootstrap.metrics;

import dev.gatehouse.adapter.out.mail.MailStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.util.function.ToDoubleFunction;

/**
 * The outbox's counts as {@code gatehouse_mail_messages_total{outcome}} ({@code sent}, {@code failed} after the
 * last attempt or given up without one, {@code rejected} for good by the mail server, {@code dropped} because the
 * outbox was full or could not store it), {@code gatehouse_mail_retries_total} (per instance, since its start) and
 * the gauge {@code gatehouse_mail_pending} (the e-mails waiting in the outbox the fleet shares). Every e-mail handed
 * to the outbox ends in exactly one outcome, counted by the instance that decided it.
 */
@Singleton
final class MailMeters implements MeterBinder {

    private final BeanProvider<MailStatistics> mail;

    /**
     * The outbox is looked up when a meter is read, not when the registry is built: the outbox needs the database
     * pool, and in production mode building the pool binds its metrics, which builds the registry.
     */
    MailMeters(BeanProvider<MailStatistics> mail) {
        this.mail = mail;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        messages(registry, "sent", MailStatistics::sent);
        messages(registry, "failed", MailStatistics::failed);
        messages(registry, "rejected", MailStatistics::rejected);
        messages(registry, "dropped", MailStatistics::dropped);
        FunctionCounter.builder("gatehouse.mail.retries", mail, of(MailStatistics::retried))
                .description("Delivery attempts that failed and were retried").register(registry);
        Gauge.builder("gatehouse.mail.pending", mail, of(MailStatistics::pending))
                .description("E-mails waiting in the outbox (fleet-wide): accepted and not yet sent or given up").register(registry);
    }

    private void messages(MeterRegistry registry, String outcome, ToDoubleFunction<MailStatistics> count) {
        FunctionCounter.builder("gatehouse.mail.messages", mail, of(count)).tag("outcome", outcome)
                .description("E-mails by what became of them").register(registry);
    }

    private static ToDoubleFunction<BeanProvider<MailStatistics>> of(ToDoubleFunction<MailStatistics> count) {
        return provider -> count.applyAsDouble(provider.get());
    }
}
