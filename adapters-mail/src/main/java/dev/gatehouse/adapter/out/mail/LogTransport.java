package dev.gatehouse.adapter.out.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Development mode without SMTP settings: messages are written to the log instead of being sent, the
 * whole text with its link, so a developer can follow it. Never used with a database URL configured.
 */
final class LogTransport implements MailTransport {

    private static final Logger LOG = LoggerFactory.getLogger(LogTransport.class);

    @Override
    public void deliver(MailMessage message) {
        LOG.info("DEVELOPMENT MODE: e-mail not sent, here it is.\nTo: {}\nSubject: {}\n\n{}", message.to(), message.subject(),
                message.text());
    }
}
