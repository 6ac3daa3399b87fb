package dev.gatehouse.adapter.out.persistence;

import io.micronaut.context.annotation.Context;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date (Flyway, {@code db/migration}) when the service starts, before it takes
 * requests. Several instances starting at once are safe: Flyway serialises migrations with a database lock.
 */
@Context
final class SchemaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

    SchemaMigration(DataSource dataSource) {
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info("database schema at version {} ({} migrations applied now)", version, result.migrationsExecuted);
    }
}
