package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.user.EmailPseudonym;
import dev.gatehouse.domain.user.UserId;
import jakarta.inject.Singleton;
import java.sql.Types;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends events to table {@code security_event} and to the log category {@code gatehouse.security}: the
 * message is the event's code, its fields ({@code event}, {@code user}, {@code session}, {@code client},
 * {@code address}, {@code email} (the pseudonym), {@code detail}) are SLF4J key-value pairs, so the JSON log
 * format has them as fields of their own; a field the event has not (null, or an empty detail) is left out.
 */
@Singleton
final class JdbcSecurityEvents implements SecurityEvents {

    private static final Logger LOG = LoggerFactory.getLogger("gatehouse.security");
    /** Part of an erasure; each side of the {@code OR} has an index (V1, V6), so it reads no more than the account's events. */
    static final String FORGET_ORIGINS = "UPDATE security_event SET client_address = NULL, attempted_email = NULL "
            + "WHERE (user_id = ? OR attempted_email = ?) AND (client_address IS NOT NULL OR attempted_email IS NOT NULL)";

    private final Jdbc jdbc;

    JdbcSecurityEvents(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(SecurityEvent event) {
        String attemptedEmail = event.attemptedEmail() == null ? null : event.attemptedEmail().value();
        LOG.atInfo().setMessage(event.type().code()).addKeyValue("event", event.type().code())
                .addKeyValue("user", event.user() == null ? null : event.user().value())
                .addKeyValue("session", event.session() == null ? null : event.session().value())
                .addKeyValue("client", event.client() == null ? null : event.client().value())
                .addKeyValue("address", event.clientAddress()).addKeyValue("email", attemptedEmail)
                .addKeyValue("detail", event.detail().isEmpty() ? null : event.detail()).log();
        jdbc.update("INSERT INTO security_event (type, occurred_at, user_id, session_id, client_id, detail, client_address, "
                + "attempted_email) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
                    statement.setString(1, event.type().code());
                    Jdbc.setInstant(statement, 2, event.at());
                    statement.setObject(3, event.user() == null ? null : event.user().value(), Types.OTHER);
                    statement.setObject(4, event.session() == null ? null : event.session().value(), Types.OTHER);
                    statement.setString(5, event.client() == null ? null : event.client().value());
                    statement.setString(6, event.detail());
                    statement.setString(7, event.clientAddress());
                    statement.setString(8, attemptedEmail);
                });
    }

    @Override
    public void forgetOriginsOf(UserId user, EmailPseudonym email) {
        jdbc.update(FORGET_ORIGINS, statement -> {
                    statement.setObject(1, user.value());
                    statement.setString(2, email.value());
                });
    }

    @Override
    public int forgetBefore(Instant before, int limit) {
        return jdbc.update("""
                DELETE FROM security_event WHERE id IN (
                    SELECT id FROM security_event WHERE occurred_at < ? LIMIT ? FOR UPDATE SKIP LOCKED)""", statement -> {
                    Jdbc.setInstant(statement, 1, before);
                    statement.setInt(2, limit);
                });
    }
}
