package dev.gatehouse.application.archfixture;

import java.sql.Connection;
import java.sql.SQLException;

/** Breaks the application rule on purpose (JDBC in a use case); only for ArchitectureRulesCanFailTest. */
public class ApplicationUsingJdbc {

    public boolean usable(Connection connection) throws SQLException {
        return connection.isValid(1) && System.currentTimeMillis() > 0;
    }
}
