package dev.gatehouse.adapter.out.mail;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code gatehouse.mail.smtp.*}: where mail goes. Authenticates (SMTP AUTH) when a username is set.
 * {@code toString} never shows the password.
 */
record SmtpSettings(String host, int port, boolean starttls, String username, String password, Duration timeout) {

    SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(timeout, "timeout");
    }

    boolean authenticates() {
        return !username.isEmpty();
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + (starttls ? ", STARTTLS" : "") + (authenticates() ? ", AUTH" : "") + "]";
    }
}
