package dev.gatehouse.adapter.out.mail;

import jakarta.mail.MessagingException;

/** Hands one message to the outside world; a failure may be retried, unless it is a permanent {@link SmtpRefusal}. */
interface MailTransport {

    void deliver(MailMessage message) throws MessagingException;
}
