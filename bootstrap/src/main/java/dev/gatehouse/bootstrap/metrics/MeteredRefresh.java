package dev.gatehouse.bootstrap.metrics;

import dev.gatehouse.application.port.in.RefreshTokensUseCase;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * Counts refreshes as {@code gatehouse_refreshes_total{client, outcome}}, outcome one of {@code rotated},
 * {@code grace_replay} (a racing tab's replay within the reuse grace), {@code reuse_detected} (the session
 * was revoked as stolen), {@code expired} and {@code invalid} (forged, unknown, revoked or another client's).
 */
public final class MeteredRefresh implements RefreshTokensUseCase {

    static final List<String> OUTCOMES = List.of("rotated", "grace_replay", "reuse_detected", "expired", "invalid");

    private final RefreshTokensUseCase refresh;
    private final Outcomes outcomes;

    public MeteredRefresh(RefreshTokensUseCase refresh, MeterRegistry registry) {
        this.refresh = refresh;
        this.outcomes = counter(registry);
    }

    static Outcomes counter(MeterRegistry registry) {
        return new Outcomes(registry, "gatehouse.refreshes", "Refresh-token grants by client and outcome");
    }

    @Override
    public RefreshResult refresh(RefreshCommand command) {
        RefreshResult result = refresh.refresh(command);
        outcomes.count("client", command.client().value(), "outcome", outcome(result));
        return result;
    }

    private static String outcome(RefreshResult result) {
        if (result instanceof RefreshResult.Refreshed refreshed) {
            return refreshed.graceReplay() ? "grace_replay" : "rotated";
        }
        if (!(result instanceof RefreshResult.InvalidGrant invalid)) {
            throw new IllegalStateException("unknown refresh result " + result);
        }
        return switch (invalid.reason()) {
            case REUSED -> "reuse_detected";
            case EXPIRED -> "expired";
            case NOT_AUTHENTIC, UNKNOWN_SESSION, REVOKED, OTHER_CLIENT -> "invalid";
        };
    }
}
