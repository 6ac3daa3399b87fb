package dev.gatehouse.acceptance;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMTP server the jars of this suite send their e-mail to: GreenMail in the test JVM on a free loopback port,
 * read as a mail client reads it. A {@link Received} message is the parsed MIME message: its subject and its
 * {@code text/plain} alternative, in which a user finds the link {@code <link-base-url>/<page>#token=<token>}.
 */
final class SmtpInbox implements AutoCloseable {

    /** The frontend the jars' links point at ({@code gatehouse.mail.link-base-url}). */
    static final String LINK_BASE_URL = "http://localhost:5173";
    private static final Duration DELIVERY_WITHIN = Duration.ofSeconds(20);

    private final GreenMail server;

    SmtpInbox() {
        this(new GreenMail(ServerSetupTest.SMTP.dynamicPort()));
    }

    /** An inbox on loopback port {@code port}: a relay that comes up where the jar has been trying to reach it. */
    SmtpInbox(int port) {
        this(new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)));
    }

    private SmtpInbox(GreenMail server) {
        this.server = server;
        server.start();
    }

    int port() {
        return server.getSmtp().getPort();
    }

    /** One delivered e-mail, as its recipient sees it. */
    record Received(String from, String subject, String text) {

        /** The token of the link to {@code page} ({@code verify-email}, {@code reset-password}) in the text. */
        String linkToken(String page) {
            Matcher link = Pattern.compile(Pattern.quote(LINK_BASE_URL + "/" + page + "#token=") + "([A-Za-z0-9_-]+)").matcher(text);
            if (!link.find()) {
                throw new AssertionError("no link to " + page + " in the e-mail \"" + subject + "\":\n" + text);
            }
            return link.group(1);
        }
    }

    /** Every e-mail delivered to {@code recipient} so far, oldest first. */
    List<Received> to(String recipient) {
        List<Received> received = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            if (isFor(message, recipient)) {
                received.add(parse(message));
            }
        }
        return received;
    }

    /** The e-mail number {@code n} (from 1) to {@code recipient}, waiting up to 20 s for it to be delivered. */
    Received awaitMessage(String recipient, int n) {
        Instant giveUp = Instant.now().plus(DELIVERY_WITHIN);
        List<Received> received = to(recipient);
        while (received.size() < n && Instant.now().isBefore(giveUp)) {
            LockSupport.parkNanos(Duration.ofMillis(25).toNanos());
            received = to(recipient);
        }
        if (received.size() < n) {
            throw new AssertionError("e-mail #" + n + " to " + recipient + " did not arrive within " + DELIVERY_WITHIN + "; got " + received);
        }
        return received.get(n - 1);
    }

    private static boolean isFor(MimeMessage message, String recipient) {
        try {
            for (var address : message.getRecipients(Message.RecipientType.TO)) {
                if (((InternetAddress) address).getAddress().equalsIgnoreCase(recipient)) {
                    return true;
                }
            }
            return false;
        } catch (MessagingException e) {
            throw new AssertionError("unreadable recipients", e);
        }
    }

    /** The message as a mail client shows it: {@code multipart/alternative}, the text part preferred. */
    private static Received parse(MimeMessage message) {
        try {
            if (!(message.getContent() instanceof Multipart alternatives) || !message.isMimeType("multipart/alternative")) {
                throw new AssertionError("an e-mail that is not multipart/alternative: " + message.getContentType());
            }
            String text = null;
            for (int i = 0; i < alternatives.getCount(); i++) {
                BodyPart part = alternatives.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    text = (String) part.getContent();
                }
            }
            if (text == null) {
                throw new AssertionError("an e-mail without a text/plain part");
            }
            return new Received(message.getFrom()[0].toString(), message.getSubject(), text);
        } catch (MessagingException | IOException e) {
            throw new AssertionError("unreadable e-mail", e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
