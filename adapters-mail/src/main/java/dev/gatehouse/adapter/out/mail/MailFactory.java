package dev.gatehouse.adapter.out.mail;

import dev.gatehouse.application.port.out.mail.MailSealer;
import dev.gatehouse.application.port.out.mail.OutgoingMails;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the mail outbox (durable: {@link OutgoingMails}, sealed: {@link MailSealer}) from {@code gatehouse.mail.*} at start, so that a value it cannot use stops the
 * start with the key's name. With {@code gatehouse.mail.smtp.host} mail goes over SMTP; without it, in
 * development mode (the {@value Environment#DEVELOPMENT} environment) every message is written to the log,
 * announced at start, and otherwise the start is refused: a production service whose reset links never
 * arrive is broken in a way nobody notices until a user is locked out.
 */
@Factory
class MailFactory {

    private static final Logger LOG = LoggerFactory.getLogger(MailFactory.class);
    /**
     * A claimed message's lease, in SMTP timeouts: one attempt waits at most one timeout per step (connect, greeting,
     * EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA, the data), so an attempt that outlasts its lease is one stuck in ways the
     * timeouts do not bound, and only then may a second instance send the message again.
     */
    private static final int LEASE_PER_TIMEOUT = 12;

    @Context
    @Bean(preDestroy = "close")
    MailOutbox mailOutbox(
            @Value("${gatehouse.mail.smtp.host:}") String host,
            @Value("${gatehouse.mail.smtp.port:25}") int port,
            @Value("${gatehouse.mail.smtp.starttls:false}") String starttls,
            @Value("${gatehouse.mail.smtp.username:}") String username,
            @Value("${gatehouse.mail.smtp.password:}") String password,
            @Value("${gatehouse.mail.smtp.timeout:10s}") Duration timeout,
            @Value("${gatehouse.mail.from:Gatehouse <no-reply@localhost>}") String from,
            @Value("${gatehouse.mail.link-base-url:`http://localhost:5173`}") String linkBaseUrl,
            @Value("${gatehouse.mail.max-attempts:12}") int maxAttempts,
            @Value("${gatehouse.mail.first-retry-delay:2s}") Duration firstRetryDelay,
            @Value("${gatehouse.mail.queue-capacity:1000}") int queueCapacity,
            @Value("${gatehouse.mail.poll-interval:1s}") Duration pollInterval,
            OutgoingMails outgoingMails,
            MailSealer sealer,
            Environment environment,
            Clock clock) {
        require(starttls.equalsIgnoreCase("true") || starttls.equalsIgnoreCase("false"),
                "gatehouse.mail.smtp.starttls must be true or false, not " + starttls + " (anything else would send in clear)");
        require(port >= 1 && port <= 65535, "gatehouse.mail.smtp.port must be between 1 and 65535, not " + port);
        require(maxAttempts >= 1 && maxAttempts <= 20, "gatehouse.mail.max-attempts must be between 1 and 20, not " + maxAttempts);
        require(queueCapacity >= 1, "gatehouse.mail.queue-capacity must be at least 1, not " + queueCapacity);
        require(!firstRetryDelay.isNegative() && !firstRetryDelay.isZero() && !timeout.isNegative() && !timeout.isZero(),
                "gatehouse.mail.first-retry-delay and gatehouse.mail.smtp.timeout must be positive durations");
        require(!pollInterval.isNegative() && !pollInterval.isZero() && pollInterval.compareTo(Duration.ofMinutes(1)) <= 0,
                "gatehouse.mail.poll-interval must be a positive duration of at most 1m, not " + pollInterval);
        var templates = new MailTemplates(linkBase(linkBaseUrl));
        var retries = new MailOutbox.Retries(maxAttempts, firstRetryDelay);
        var queueing = new MailOutbox.Queueing(queueCapacity, timeout.multipliedBy(LEASE_PER_TIMEOUT), pollInterval);
        if (!host.isBlank()) {
            var smtp = new SmtpSettings(host.strip(), port, Boolean.parseBoolean(starttls), username, password, timeout);
            LOG.info("e-mail goes out over SMTP to {}", smtp);
            return new MailOutbox(templates, new SmtpTransport(smtp, sender(from), clock), outgoingMails, sealer, retries, queueing, clock);
        }
        require(environment.getActiveNames().contains(Environment.DEVELOPMENT), "gatehouse.mail.smtp.host must be configured "
                + "outside development mode: without an SMTP server no verification link, password-reset link or security notice "
                + "can reach a user. Set gatehouse.mail.smtp.host (GATEHOUSE_MAIL_SMTP_HOST) and the other gatehouse.mail.* keys.");
        LOG.warn("DEVELOPMENT MODE: gatehouse.mail.smtp.host is not configured; e-mails are NOT sent, each is written to this "
                + "log instead, links and tokens included.");
        return new MailOutbox(templates, new LogTransport(), outgoingMails, sealer, retries, queueing, clock);
    }

    private static InternetAddress sender(String from) {
        try {
            return new InternetAddress(from, true);
        } catch (AddressException unusable) {
            throw new ConfigurationException("gatehouse.mail.from must be an e-mail address such as "
                    + "\"Gatehouse <no-reply@example.com>\"");
        }
    }

    private static String linkBase(String configured) {
        URI uri;
        try {
            uri = URI.create(configured.strip());
        } catch (IllegalArgumentException unparsable) {
            throw new ConfigurationException("gatehouse.mail.link-base-url must be an absolute http or https URL");
        }
        require(("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                && uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null,
                "gatehouse.mail.link-base-url must be an absolute http or https URL without user information, query or fragment");
        return uri.toString();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new ConfigurationException(message);
        }
    }
}
