package dev.gatehouse.adapter.out.mail;

import jakarta.mail.MessagingException;

/**
 * The SMTP server answered a command with a negative reply (RFC 5321 §4.2.1): {@code 4yz} is transient,
 * the same message may succeed later; {@code 5yz} is permanent, sending it again cannot help. Carries the
 * reply code only: the server's text often repeats the recipient's address.
 */
final class SmtpRefusal extends MessagingException {

    private final int replyCode;

    SmtpRefusal(int replyCode) {
        super("the mail server replied " + replyCode);
        this.replyCode = replyCode;
    }

    int replyCode() {
        return replyCode;
    }

    /** A {@code 5yz} reply: permanent negative completion. */
    boolean permanent() {
        return replyCode / 100 == 5;
    }
}
