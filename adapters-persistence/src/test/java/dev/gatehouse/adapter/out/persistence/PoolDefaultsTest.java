package dev.gatehouse.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.application.port.StoreUnavailableException;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.application.testing.StoreFixtures;
import dev.gatehouse.domain.user.PasswordHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The pool's fail-fast defaults on a real PostgreSQL: a statement does not wait for a lock past 2 s. */
class PoolDefaultsTest {

    private final UserAccounts accounts = Database.bean(UserAccounts.class);
    private final DataSource pool = Database.bean(DataSource.class);

    @Test
    void a_write_waiting_for_a_row_lock_gives_up_and_writes_nothing() throws SQLException {
        var account = StoreFixtures.anAccount();
        accounts.add(account);
        try (Connection holder = pool.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT 1 FROM user_account WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, account.id().value());
                lock.executeQuery().close();
            }
            var replacement = new PasswordHash("$argon2id$v=19$m=65536,t=3,p=1$bG9ja2Vkc2FsdGxvY2s$bG9ja2VkaGFzaA");
            assertThatThrownBy(() -> accounts.replacePasswordHash(account.id(), account.passwordHash(), replacement))
                    .isInstanceOf(StoreUnavailableException.class)
                    .rootCause().isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState())
                    .as("lock_not_available").isEqualTo("55P03");
            holder.rollback();
        }
        assertThat(accounts.findById(account.id())).contains(account);
    }

    /** A statement waits at most 5 s for the database to say anything; a migration's statements are not bounded. */
    @Test
    void pooled_connections_give_a_silent_database_5_s_and_migrations_as_long_as_they_need() throws SQLException {
        try (Connection pooled = pool.getConnection()) {
            assertThat(pooled.getNetworkTimeout()).isEqualTo(PoolDefaults.SOCKET_TIMEOUT_S * 1000);
        }
        try (Connection migrating = new SchemaMigration.Unbounded(pool).getConnection()) {
            assertThat(migrating.getNetworkTimeout()).isZero();
        }
        try (Connection pooled = pool.getConnection()) {
            assertThat(pooled.getNetworkTimeout()).as("restored when the pool took it back").isEqualTo(PoolDefaults.SOCKET_TIMEOUT_S * 1000);
        }
    }

    /** A database error reaches the log by its message: PostgreSQL's detail, which quotes the row, stays out of it. */
    @Test
    void a_database_error_names_no_value_of_the_row() throws SQLException {
        try (Connection pooled = pool.getConnection(); var sql = pooled.createStatement()) {
            sql.execute("CREATE TEMPORARY TABLE detail_probe (email text UNIQUE)");
            sql.execute("INSERT INTO detail_probe VALUES ('ada@example.com')");
            assertThatThrownBy(() -> sql.execute("INSERT INTO detail_probe VALUES ('ada@example.com')"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(failure -> assertThat(((SQLException) failure).getSQLState()).isEqualTo("23505"))
                    .hasMessageNotContaining("ada@example.com");
        }
    }

    @Test
    void hikaris_own_defaults_are_replaced_and_configured_values_kept() {
        var defaults = new HikariConfig();
        PoolDefaults.apply(defaults);
        assertThat(defaults.getConnectionTimeout()).isEqualTo(PoolDefaults.CONNECTION_TIMEOUT_MS);
        assertThat(defaults.getConnectionInitSql()).isEqualTo(PoolDefaults.INIT_SQL);
        assertThat(defaults.getValidationTimeout()).isEqualTo(PoolDefaults.VALIDATION_TIMEOUT_MS);
        assertThat(defaults.getDataSourceProperties()).containsEntry("socketTimeout", "5").containsEntry("logServerErrorDetail", "false");

        var configured = new HikariConfig();
        configured.setConnectionTimeout(5000);
        configured.setConnectionInitSql("SET lock_timeout = '10s'");
        configured.setValidationTimeout(3000);
        configured.addDataSourceProperty("socketTimeout", "60");
        configured.addDataSourceProperty("logServerErrorDetail", "true");
        PoolDefaults.apply(configured);
        assertThat(configured.getConnectionTimeout()).isEqualTo(5000);
        assertThat(configured.getConnectionInitSql()).isEqualTo("SET lock_timeout = '10s'");
        assertThat(configured.getValidationTimeout()).isEqualTo(3000);
        assertThat(configured.getDataSourceProperties()).containsEntry("socketTimeout", "60").containsEntry("logServerErrorDetail", "true");

        var inUrl = new HikariConfig();
        inUrl.setJdbcUrl("jdbc:postgresql://db.example/gatehouse?socketTimeout=30");
        PoolDefaults.apply(inUrl);
        assertThat(inUrl.getDataSourceProperties()).as("the URL's own socketTimeout wins").doesNotContainKey("socketTimeout");
        assertThat(pool).isInstanceOf(HikariDataSource.class);
        assertThat(((HikariDataSource) pool).getConnectionInitSql()).as("the development pool").isEqualTo(PoolDefaults.INIT_SQL);
    }
}
