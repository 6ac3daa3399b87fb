package dev.gatehouse.bootstrap.metrics;

import dev.gatehouse.application.port.out.AccessTokens;
import dev.gatehouse.domain.token.RevocationReason;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import java.util.EnumSet;
import java.util.List;

/**
 * Registers every label set of the {@code gatehouse_*} outcome counters at zero when the service starts: a
 * Prometheus series that first appears with its first increment has no earlier sample, so {@code increase()}
 * and {@code rate()} count nothing for it, and the first reuse after a restart would not raise the documented
 * alert. Clients are the configured ones that have users (every delivery but {@code service}).
 */
@Context
final class ZeroSeries {

    /** Expiry ends sessions without a revocation: never a label of {@code gatehouse_sessions_ended_total}. */
    private static final EnumSet<RevocationReason> NOT_REVOCATIONS = EnumSet.of(RevocationReason.EXPIRED_IDLE,
            RevocationReason.EXPIRED_ABSOLUTE);

    ZeroSeries(MeterRegistry registry, Environment environment) {
        List<String> clients = environment.getPropertyEntries("gatehouse.clients").stream()
                .filter(id -> !"service".equals(environment.getProperty("gatehouse.clients." + id + ".delivery", String.class, "")))
                .sorted().toList();
        Outcomes signIns = MeteredSignIn.counter(registry);
        Outcomes refreshes = MeteredRefresh.counter(registry);
        for (String client : clients) {
            MeteredSignIn.OUTCOMES.forEach(outcome -> signIns.count(0, "client", client, "outcome", outcome));
            MeteredRefresh.OUTCOMES.forEach(outcome -> refreshes.count(0, "client", client, "outcome", outcome));
        }
        Outcomes registrations = MeteredRegistration.counter(registry);
        MeteredRegistration.OUTCOMES.forEach(outcome -> registrations.count(0, "outcome", outcome));
        Outcomes ended = MeteredSessionStore.counter(() -> registry);
        EnumSet.complementOf(NOT_REVOCATIONS).forEach(reason -> ended.count(0, "reason", MeteredSessionStore.label(reason)));
        Outcomes refused = MeteredAccessTokens.counter(() -> registry);
        EnumSet.allOf(AccessTokens.Rejection.class).forEach(rejection -> refused.count(0, "reason", MeteredAccessTokens.label(rejection)));
    }
}
