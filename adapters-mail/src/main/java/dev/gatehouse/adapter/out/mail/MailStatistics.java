package dev.gatehouse.adapter.out.mail;

/**
 * What became of the e-mails handed to the outbox since start, for metrics ({@code gatehouse_mail_*}).
 * Every message ends as exactly one of sent, failed (after its last attempt), rejected (refused for good by the
 * mail server) or dropped (queue full).
 */
public interface MailStatistics {

    /** Messages the mail server accepted. */
    long sent();

    /** Messages given up after their last attempt failed. */
    long failed();

    /** Messages the mail server refused for good (a 5yz reply, RFC 5321 §4.2.1), given up after that one attempt. */
    long rejected();

    /** Messages refused because the outbox was full. */
    long dropped();

    /** Attempts that failed and were retried. */
    long retried();

    /** Messages accepted and not yet sent or given up. */
    int pending();
}
