package dev.gatehouse.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** {@code gatehouse.tokens.*}: lifetimes of the API contract (durations such as {@code 15m}, {@code 7d}). */
@ConfigurationProperties("gatehouse.tokens")
public class TokenConfiguration {

    private Duration accessTtl = Duration.ofMinutes(15);
    private Duration refreshIdleTtl = Duration.ofDays(7);
    private Duration refreshAbsoluteTtl = Duration.ofDays(30);
    private Duration reuseGrace = Duration.ofSeconds(10);

    public Duration getAccessTtl() {
        return accessTtl;
    }

    public void setAccessTtl(Duration accessTtl) {
        this.accessTtl = accessTtl;
    }

    public Duration getRefreshIdleTtl() {
        return refreshIdleTtl;
    }

    public void setRefreshIdleTtl(Duration refreshIdleTtl) {
        this.refreshIdleTtl = refreshIdleTtl;
    }

    public Duration getRefreshAbsoluteTtl() {
        return refreshAbsoluteTtl;
    }

    public void setRefreshAbsoluteTtl(Duration refreshAbsoluteTtl) {
        this.refreshAbsoluteTtl = refreshAbsoluteTtl;
    }

    public Duration getReuseGrace() {
        return reuseGrace;
    }

    public void setReuseGrace(Duration reuseGrace) {
        this.reuseGrace = reuseGrace;
    }
}
