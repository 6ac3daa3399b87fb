package dev.gatehouse.adapter.out.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends over SMTP (RFC 5321) with Jakarta Mail: one connection per message, STARTTLS required when
 * configured, every network wait bounded by {@code timeout}. The message is {@code multipart/alternative}
 * (RFC 2046 §5.1.4) with a text and an HTML part, both UTF-8. A negative reply of the server (RFC 5321
 * §4.2.1) is thrown as an {@link SmtpRefusal} with its reply code: to the greeting (a {@code 554} server),
 * to {@code AUTH} (RFC 4954 §6: {@code 535} credentials refused, {@code 454} temporary), to {@code MAIL FROM},
 * {@code RCPT TO} or the data.
 */
final class SmtpTransport implements MailTransport {

    private final Session session;
    private final InternetAddress from;
    private final SmtpSettings settings;
    private final Clock clock;

    SmtpTransport(SmtpSettings settings, InternetAddress from, Clock clock) {
        this.settings = settings;
        this.from = from;
        this.clock = clock;
        this.session = Session.getInstance(properties(settings));
    }

    private static Properties properties(SmtpSettings settings) {
        Properties properties = new Properties();
        String timeout = Long.toString(settings.timeout().toMillis());
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", Integer.toString(settings.port()));
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        properties.put("mail.smtp.starttls.enable", Boolean.toString(settings.starttls()));
        properties.put("mail.smtp.starttls.required", Boolean.toString(settings.starttls()));
        properties.put("mail.smtp.auth", Boolean.toString(settings.authenticates()));
        return properties;
    }

    @Override
    public void deliver(MailMessage message) throws MessagingException {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(from);
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to(), true));
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        mime.setSentDate(Date.from(clock.instant()));
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
        mime.setContent(new MimeMultipart("alternative", text, html));
        mime.saveChanges();
        SMTPTransport transport = (SMTPTransport) session.getTransport("smtp");
        try {
            if (settings.authenticates()) {
                transport.connect(settings.username(), settings.password());
            } else {
                transport.connect();
            }
            transport.sendMessage(mime, mime.getAllRecipients());
        } catch (MessagingException failure) {
            int replyCode = replyCode(failure, transport);
            throw replyCode >= 400 && replyCode <= 599 ? new SmtpRefusal(replyCode) : failure;
        } finally {
            transport.close();
        }
    }

    /**
     * The reply code of the first refused command in the failure's chain, else the server's last reply (a
     * refused greeting or {@code AUTH}, which Jakarta Mail reports without a code; after a lost connection or a
     * timeout it is the last positive reply, or none).
     */
    private static int replyCode(MessagingException failure, SMTPTransport transport) {
        for (Exception cause = failure; cause instanceof MessagingException link; cause = link.getNextException()) {
            if (cause instanceof SMTPSendFailedException refused) {
                return refused.getReturnCode();
            }
            if (cause instanceof SMTPSenderFailedException refused) {
                return refused.getReturnCode();
            }
            if (cause instanceof SMTPAddressFailedException refused) {
                return refused.getReturnCode();
            }
        }
        return transport.getLastReturnCode();
    }
}
