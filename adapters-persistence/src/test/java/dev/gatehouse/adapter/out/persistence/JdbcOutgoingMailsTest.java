package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.mail.OutgoingMails;
import dev.gatehouse.application.testing.OutgoingMailsContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

class JdbcOutgoingMailsTest extends OutgoingMailsContract {

    @Override
    protected OutgoingMails mails() {
        return Database.bean(OutgoingMails.class);
    }

    /** The statistics autovacuum keeps in production: with them the planner joins the claim's rows by hash. */
    @Override
    protected void stored() {
        try (Connection connection = Database.bean(DataSource.class).getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("ANALYZE outgoing_mail");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
