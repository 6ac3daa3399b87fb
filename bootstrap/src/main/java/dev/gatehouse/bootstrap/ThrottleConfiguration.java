package dev.gatehouse.bootstrap;

import dev.gatehouse.domain.throttle.RateLimit;
import dev.gatehouse.domain.throttle.SignInThrottlePolicy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.annotation.PostConstruct;
import java.time.Duration;

/** {@code gatehouse.throttle.*}: brute-force and flood limits (docs/operations.md); checked at start. */
@Context
@ConfigurationProperties(ThrottleConfiguration.PREFIX)
public class ThrottleConfiguration {

    static final String PREFIX = "gatehouse.throttle";

    private int signInFailuresPerAccount = 10;
    private int signInFailuresPerAccountPerMinute = 20;
    private int signInRequestsPerIpPerMinute = 60;
    private int registrationsPerIpPerHour = 20;
    private Duration firstLock = Duration.ofSeconds(30);
    private Duration longestLock = Duration.ofMinutes(15);

    /** A value the service cannot use stops the start, naming its key. */
    @PostConstruct
    void check() {
        positive("sign-in-failures-per-account", signInFailuresPerAccount);
        positive("sign-in-failures-per-account-per-minute", signInFailuresPerAccountPerMinute);
        positive("sign-in-requests-per-ip-per-minute", signInRequestsPerIpPerMinute);
        positive("registrations-per-ip-per-hour", registrationsPerIpPerHour);
        if (firstLock.toMillis() < 1) {
            throw new ConfigurationException(PREFIX + ".first-lock must be a positive duration (such as 30s), not " + firstLock);
        }
        if (longestLock.compareTo(firstLock) < 0) {
            throw new ConfigurationException(PREFIX + ".longest-lock must be at least first-lock (" + firstLock + "), not " + longestLock);
        }
    }

    private static void positive(String key, int value) {
        if (value < 1) {
            throw new ConfigurationException(PREFIX + "." + key + " must be a whole number of at least 1, not " + value);
        }
    }

    SignInThrottlePolicy signInPolicy() {
        return new SignInThrottlePolicy(signInFailuresPerAccount, signInFailuresPerAccountPerMinute, firstLock, longestLock);
    }

    RateLimit signInsPerAddress() {
        return new RateLimit(signInRequestsPerIpPerMinute, Duration.ofMinutes(1));
    }

    RateLimit registrationsPerAddress() {
        return new RateLimit(registrationsPerIpPerHour, Duration.ofHours(1));
    }

    public int getSignInFailuresPerAccount() {
        return signInFailuresPerAccount;
    }

    public void setSignInFailuresPerAccount(int signInFailuresPerAccount) {
        this.signInFailuresPerAccount = signInFailuresPerAccount;
    }

    public int getSignInFailuresPerAccountPerMinute() {
        return signInFailuresPerAccountPerMinute;
    }

    public void setSignInFailuresPerAccountPerMinute(int signInFailuresPerAccountPerMinute) {
        this.signInFailuresPerAccountPerMinute = signInFailuresPerAccountPerMinute;
    }

    public int getSignInRequestsPerIpPerMinute() {
        return signInRequestsPerIpPerMinute;
    }

    public void setSignInRequestsPerIpPerMinute(int signInRequestsPerIpPerMinute) {
        this.signInRequestsPerIpPerMinute = signInRequestsPerIpPerMinute;
    }

    public int getRegistrationsPerIpPerHour() {
        return registrationsPerIpPerHour;
    }

    public void setRegistrationsPerIpPerHour(int registrationsPerIpPerHour) {
        this.registrationsPerIpPerHour = registrationsPerIpPerHour;
    }

    public Duration getFirstLock() {
        return firstLock;
    }

    public void setFirstLock(Duration firstLock) {
        this.firstLock = firstLock;
    }

    public Duration getLongestLock() {
        return longestLock;
    }

    public void setLongestLock(Duration longestLock) {
        this.longestLock = longestLock;
    }
}
