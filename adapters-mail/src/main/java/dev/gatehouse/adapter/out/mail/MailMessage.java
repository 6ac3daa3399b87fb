package dev.gatehouse.adapter.out.mail;

import java.util.Objects;

/**
 * One rendered e-mail. {@code kind} names the notification (e.g. {@code password_reset}) for logs and
 * counters; {@code toString} never shows the body, which may carry a token.
 */
record MailMessage(String kind, String to, String subject, String text, String html) {

    MailMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }

    @Override
    public String toString() {
        return "MailMessage[" + kind + ", body redacted]";
    }
}
