package dev.gatehouse.adapter.out.mail;

/**
 * What became of the e-mails this instance handed to the outbox or took from it since start, for metrics
 * ({@code gatehouse_mail_*}). Every message ends as exactly one of sent, failed (after its last attempt, or given up
 * without one: its link expired, its content cannot be opened), rejected (refused for good by the mail server) or
 * dropped (outbox full, or unable to store it), counted by the instance that decided it.
 */
public interface MailStatistics {

    /** Messages the mail server accepted. */
    long sent();

    /** Messages given up: after their last attempt failed, or without an attempt (link expired, content unreadable). */
    long failed();

    /** Messages the mail server refused for good (a 5yz reply, RFC 5321 §4.2.1), given up after that one attempt. */
    long rejected();

    /** Messages refused because the outbox was full or could not store them. */
    long dropped();

    /** Attempts that failed and were retried. */
    long retried();

    /** Messages waiting in the outbox, which the fleet shares: accepted and not yet sent or given up. */
    int pending();
}
