package dev.gatehouse.bootstrap;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server in this JVM (GreenMail, on a free port) and the mail client's view of what it
 * received: a message is read as a {@link MimeMessage}, both of its parts, and the link in it.
 */
final class MailInbox implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    MailInbox() {
        smtp.start();
    }

    int port() {
        return smtp.getSmtp().getPort();
    }

    /** A received message, with its text and HTML parts. */
    record Mail(MimeMessage message, String subject, String text, String html) {

        /** The token of the link to {@code <link-base-url>/<page>#token=...}, found alike in both parts. */
        String tokenOf(String page) {
            Matcher inText = Pattern.compile(Pattern.quote("http://localhost:5173/" + page + "#token=") + "([A-Za-z0-9_-]{43})").matcher(text);
            if (!inText.find()) {
                throw new AssertionError("no " + page + " link in: " + text);
            }
            if (!html.contains("href=\"http://localhost:5173/" + page + "#token=" + inText.group(1) + "\"")) {
                throw new AssertionError("the HTML part lacks the link: " + html);
            }
            return inText.group(1);
        }
    }

    /** The {@code n}-th message (from 1) to {@code recipient}, waiting for it. */
    Mail await(String recipient, int n) {
        Instant deadline = Instant.now().plus(WAIT);
        List<MimeMessage> to;
        while ((to = to(recipient)).size() < n) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(n + " message(s) to " + recipient + " expected, " + to.size() + " arrived");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return read(to.get(n - 1));
    }

    /** How many messages {@code recipient} received so far. */
    int count(String recipient) {
        return to(recipient).size();
    }

    private List<MimeMessage> to(String recipient) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> addressedTo(message, recipient)).toList();
    }

    private static boolean addressedTo(MimeMessage message, String recipient) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mail read(MimeMessage message) {
        try {
            if (!message.isMimeType("multipart/alternative")) {
                throw new AssertionError("not multipart/alternative: " + message.getContentType());
            }
            Multipart parts = (Multipart) message.getContent();
            if (parts.getCount() != 2 || !parts.getBodyPart(0).isMimeType("text/plain") || !parts.getBodyPart(1).isMimeType("text/html")) {
                throw new AssertionError("expected a text and an HTML part");
            }
            return new Mail(message, message.getSubject(), (String) parts.getBodyPart(0).getContent(), (String) parts.getBodyPart(1).getContent());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
