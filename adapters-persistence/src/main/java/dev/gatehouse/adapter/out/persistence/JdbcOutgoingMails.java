package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.mail.OutgoingMails;
import dev.gatehouse.application.port.out.mail.SealedContent;
import dev.gatehouse.domain.user.EmailAddress;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/**
 * The outbox in table {@code outgoing_mail}. {@link #claim} is one statement: it locks at most its limit of the oldest due rows with
 * {@code FOR UPDATE SKIP LOCKED} (so concurrent claims of any instance take disjoint rows and never wait for each
 * other), moves them to the end of the lease and counts the attempt, and returns them; the statement commits at
 * once, so no transaction stays open while a mail is delivered. The attempt count is the claim's identity:
 * {@link #remove} and {@link #postpone} match it, so a claim whose lease ran out finishes nothing.
 */
@Singleton
final class JdbcOutgoingMails implements OutgoingMails {

    /**
     * The rows are chosen in a materialized CTE, evaluated once. As {@code WHERE id IN (SELECT … LIMIT ? FOR UPDATE
     * SKIP LOCKED)}, PostgreSQL may evaluate the locking sub-select again while it rechecks a row another session
     * changed meanwhile, and then one claim of one took up to four rows (a three-instance probe: ten of 152 claims),
     * leased and counted as attempts that the worker never made.
     */
    private static final String CLAIM = """
            WITH due AS MATERIALIZED (
                SELECT id FROM outgoing_mail WHERE due_at <= ? ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED)
            UPDATE outgoing_mail SET due_at = ?, attempts = outgoing_mail.attempts + 1
            FROM due WHERE outgoing_mail.id = due.id
            RETURNING outgoing_mail.id, outgoing_mail.attempts, kind, key_id, content, expires_at""";

    private final Jdbc jdbc;

    JdbcOutgoingMails(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean offer(NewMail mail, int capacity) {
        return jdbc.update("""
                INSERT INTO outgoing_mail (kind, recipient, key_id, content, expires_at, due_at, created_at)
                SELECT ?, ?, ?, ?, ?, ?, ? WHERE (SELECT count(*) FROM outgoing_mail) < ?""", statement -> {
                    statement.setString(1, mail.kind());
                    statement.setString(2, mail.to().value());
                    statement.setString(3, mail.content().keyId());
                    statement.setBytes(4, mail.content().ciphertext());
                    Jdbc.setInstant(statement, 5, mail.expiresAt());
                    Jdbc.setInstant(statement, 6, mail.createdAt());
                    Jdbc.setInstant(statement, 7, mail.createdAt());
                    statement.setInt(8, capacity);
                }) == 1;
    }

    @Override
    public List<ClaimedMail> claim(Instant now, Instant leaseUntil, int limit) {
        return jdbc.queryList(CLAIM, statement -> {
            Jdbc.setInstant(statement, 1, now);
            statement.setInt(2, limit);
            Jdbc.setInstant(statement, 3, leaseUntil);
        }, row -> new ClaimedMail(row.getLong("id"), row.getInt("attempts"), row.getString("kind"),
                new SealedContent(row.getString("key_id"), row.getBytes("content")), Jdbc.getInstant(row, "expires_at")));
    }

    @Override
    public void remove(ClaimedMail mail) {
        jdbc.update("DELETE FROM outgoing_mail WHERE id = ? AND attempts = ?", statement -> {
            statement.setLong(1, mail.id());
            statement.setInt(2, mail.attempt());
        });
    }

    @Override
    public void postpone(ClaimedMail mail, Instant dueAt) {
        jdbc.update("UPDATE outgoing_mail SET due_at = ? WHERE id = ? AND attempts = ?", statement -> {
            Jdbc.setInstant(statement, 1, dueAt);
            statement.setLong(2, mail.id());
            statement.setInt(3, mail.attempt());
        });
    }

    @Override
    public int pending() {
        return jdbc.queryOne("SELECT count(*) AS waiting FROM outgoing_mail", statement -> { }, row -> row.getInt("waiting")).orElse(0);
    }

    @Override
    public int deleteAllTo(EmailAddress recipient) {
        return jdbc.update("DELETE FROM outgoing_mail WHERE recipient = ?", statement -> statement.setString(1, recipient.value()));
    }
}
