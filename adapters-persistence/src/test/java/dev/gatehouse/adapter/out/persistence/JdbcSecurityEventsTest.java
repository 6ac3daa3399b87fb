package dev.gatehouse.adapter.out.persistence;

import static dev.gatehouse.application.testing.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.application.testing.SecurityEventsContract;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.user.EmailPseudonym;
import dev.gatehouse.domain.user.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class JdbcSecurityEventsTest extends SecurityEventsContract {

    private final SecurityEvents events = Database.bean(SecurityEvents.class);

    @Override
    protected SecurityEvents events() {
        return events;
    }

    @Test
    void a_sign_in_failure_stores_the_address_and_the_emails_pseudonym() {
        String marker = "failure-" + UUID.randomUUID();
        events.record(new SecurityEvent(SecurityEventType.SIGN_IN_FAILED, T0, null, null, null, marker, "2001:db8::7",
                new EmailPseudonym("p-1234")));
        assertThat(columns(marker)).containsExactly("sign_in_failed", "2001:db8::7", "p-1234");
    }

    @Test
    void the_origins_of_a_deleted_accounts_events_are_stripped_and_the_bare_user_id_stays() {
        var user = new UserId(UUID.randomUUID());
        var pseudonym = new EmailPseudonym("p-" + UUID.randomUUID().toString().substring(0, 8));
        String byUser = "by-user-" + UUID.randomUUID();
        String byEmail = "by-email-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        events.record(new SecurityEvent(SecurityEventType.SIGN_IN_SUCCEEDED, T0, user, null, null, byUser, "192.0.2.7", null));
        events.record(new SecurityEvent(SecurityEventType.SIGN_IN_FAILED, T0, null, null, null, byEmail, "192.0.2.8", pseudonym));
        events.record(new SecurityEvent(SecurityEventType.SIGN_IN_FAILED, T0, null, null, null, other, "192.0.2.9",
                new EmailPseudonym("p-someone-else")));

        events.forgetOriginsOf(user, pseudonym);

        assertThat(columns(byUser)).containsExactly("sign_in_succeeded", null, null);
        assertThat(columns(byEmail)).containsExactly("sign_in_failed", null, null);
        assertThat(columns(other)).containsExactly("sign_in_failed", "192.0.2.9", "p-someone-else");
    }

    /** type, client_address and attempted_email of the events whose detail is {@code marker}. */
    private static List<String> columns(String marker) {
        try (Connection connection = Database.bean(DataSource.class).getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT type, client_address, attempted_email FROM security_event WHERE detail = ?")) {
            query.setString(1, marker);
            List<String> values = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    values.add(row.getString(1));
                    values.add(row.getString(2));
                    values.add(row.getString(3));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
