package dev.gatehouse.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** {@code gatehouse.throttle.*}: sign-in brute-force limits. */
@ConfigurationProperties("gatehouse.throttle")
public class ThrottleConfiguration {

    private int signInFailuresPerAccount = 10;
    private int signInRequestsPerIpPerMinute = 60;
    private Duration firstLock = Duration.ofSeconds(30);
    private Duration longestLock = Duration.ofMinutes(15);

    public int getSignInFailuresPerAccount() {
        return signInFailuresPerAccount;
    }

    public void setSignInFailuresPerAccount(int signInFailuresPerAccount) {
        this.signInFailuresPerAccount = signInFailuresPerAccount;
    }

    public int getSignInRequestsPerIpPerMinute() {
        return signInRequestsPerIpPerMinute;
    }

    public void setSignInRequestsPerIpPerMinute(int signInRequestsPerIpPerMinute) {
        this.signInRequestsPerIpPerMinute = signInRequestsPerIpPerMinute;
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
