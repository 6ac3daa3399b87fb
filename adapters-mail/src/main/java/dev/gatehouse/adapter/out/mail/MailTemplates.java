package dev.gatehouse.adapter.out.mail;

import dev.gatehouse.application.port.out.mail.Notification;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Renders each {@link Notification} as a plain-text and an HTML part. Links point at the frontend
 * ({@code gatehouse.mail.link-base-url}) and carry the token in the fragment, so it never reaches a
 * server log or a {@code Referer}. The greeting is the same for everyone: no mail carries text the account
 * chose (see {@link Notification}). The HTML part escapes everything it contains.
 */
final class MailTemplates {

    private static final String GREETING = "Hello,";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final String linkBase;

    /** @param linkBaseUrl an absolute http(s) URL; a trailing slash is dropped */
    MailTemplates(String linkBaseUrl) {
        this.linkBase = linkBaseUrl.endsWith("/") ? linkBaseUrl.substring(0, linkBaseUrl.length() - 1) : linkBaseUrl;
    }

    MailMessage render(Notification notification) {
        String to = notification.to().value();
        if (notification instanceof Notification.EmailVerification verification) {
            return withLink("email_verification", to, "Confirm your e-mail address",
                    "please confirm that this is your e-mail address", "Confirm my address",
                    linkBase + "/verify-email#token=" + verification.token(), verification.validFor());
        }
        if (notification instanceof Notification.PasswordReset reset) {
            return withLink("password_reset", to, "Reset your password",
                    "somebody (hopefully you) asked to reset the password of your account. If it was not you, ignore this message",
                    "Choose a new password", linkBase + "/reset-password#token=" + reset.token(), reset.validFor());
        }
        if (notification instanceof Notification.PasswordChanged changed) {
            return plain("password_changed", to, "Your password was changed", "the password of your account was changed on "
                    + WHEN.format(changed.at()) + ". If this was not you, reset your password at once.");
        }
        var stolen = (Notification.SessionStolen) notification;
        return plain("session_stolen", to, "Someone may have copied your session",
                "someone may have copied your session; it was ended on " + WHEN.format(stolen.endedAt())
                        + ". It had been signed in on " + WHEN.format(stolen.startedAt()) + " (client " + stolen.client()
                        + "). Sign in again; if you do not recognise this, change your password.");
    }

    private static MailMessage withLink(String kind, String to, String subject, String why, String action, String link,
            Duration validFor) {
        String valid = "The link is valid for " + describe(validFor) + " and works once.";
        String text = GREETING + "\n\n" + why + ":\n\n" + link + "\n\n" + valid + "\n";
        String html = page("<p>" + escape(why) + ":</p>\n<p><a href=\"" + escape(link) + "\">" + escape(action) + "</a></p>\n<p>"
                + escape(valid) + "</p>");
        return new MailMessage(kind, to, subject, text, html);
    }

    private static MailMessage plain(String kind, String to, String subject, String body) {
        return new MailMessage(kind, to, subject, GREETING + "\n\n" + body + "\n", page("<p>" + escape(body) + "</p>"));
    }

    private static String page(String body) {
        return "<!DOCTYPE html>\n<html><body>\n<p>" + GREETING + "</p>\n" + body + "\n</body></html>\n";
    }

    /** The duration in whole hours, else whole minutes, else seconds: never more than it is. */
    static String describe(Duration duration) {
        if (duration.toHours() > 0 && duration.toMinutesPart() == 0) {
            return count(duration.toHours(), "hour");
        }
        if (duration.toMinutes() > 0) {
            return count(duration.toMinutes(), "minute");
        }
        return count(duration.toSeconds(), "second");
    }

    private static String count(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
