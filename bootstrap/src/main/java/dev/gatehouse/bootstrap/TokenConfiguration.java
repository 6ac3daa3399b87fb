package dev.gatehouse.bootstrap;

import dev.gatehouse.domain.token.TokenPolicy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.annotation.PostConstruct;
import java.time.Duration;

/**
 * {@code gatehouse.tokens.*}: lifetimes of the API contract (durations such as {@code 15m}, {@code 7d}); checked
 * at start against the rules of {@link TokenPolicy}, so that a lifetime the service cannot use stops the start
 * naming its key instead of failing every sign-in.
 */
@Context
@ConfigurationProperties(TokenConfiguration.PREFIX)
public class TokenConfiguration {

    static final String PREFIX = "gatehouse.tokens";

    private Duration accessTtl = Duration.ofMinutes(15);
    private Duration refreshIdleTtl = Duration.ofDays(7);
    private Duration refreshAbsoluteTtl = Duration.ofDays(30);
    private Duration reuseGrace = Duration.ofSeconds(10);

    @PostConstruct
    void check() {
        try {
            policy();
        } catch (IllegalArgumentException | NullPointerException unusable) {
            String reason = String.valueOf(unusable.getMessage()).replace("accessTtl", PREFIX + ".access-ttl")
                    .replace("absoluteTtl", PREFIX + ".refresh-absolute-ttl").replace("idleTtl", PREFIX + ".refresh-idle-ttl")
                    .replace("reuseGrace", PREFIX + ".reuse-grace");
            throw new ConfigurationException(reason + " (configured: access-ttl " + accessTtl + ", refresh-idle-ttl " + refreshIdleTtl
                    + ", refresh-absolute-ttl " + refreshAbsoluteTtl + ", reuse-grace " + reuseGrace + ")");
        }
    }

    /** The lifetimes as the domain's policy. */
    public TokenPolicy policy() {
        return new TokenPolicy(accessTtl, refreshIdleTtl, refreshAbsoluteTtl, reuseGrace);
    }

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
