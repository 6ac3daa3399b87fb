package dev.gatehouse.bootstrap;

import io.micronaut.runtime.server.EmbeddedServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Reads a running server's database directly, to check what requests made it store. */
final class Sql {

    private Sql() {
    }

    /** The single number {@code query} selects, with {@code parameters} bound in order. */
    static long number(EmbeddedServer server, String query, Object... parameters) {
        DataSource pool = server.getApplicationContext().getBean(DataSource.class);
        try (Connection connection = pool.getConnection(); PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
