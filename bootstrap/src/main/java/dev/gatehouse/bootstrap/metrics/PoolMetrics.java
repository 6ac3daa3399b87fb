package dev.gatehouse.bootstrap.metrics;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * HikariCP's own pool metrics ({@code hikaricp_connections_*}) for a pool that Micronaut did not create
 * (the embedded database of development mode); Micronaut's pools have them already
 * ({@code micronaut.metrics.binders.jdbc.enabled}).
 */
@Singleton
final class PoolMetrics implements MeterBinder {

    private final DataSource dataSource;

    PoolMetrics(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
                if (pool.getMetricRegistry() == null) {
                    pool.setMetricRegistry(registry);
                }
            }
        } catch (SQLException notAPool) {
            throw new IllegalStateException("the data source cannot be inspected for pool metrics", notAPool);
        }
    }
}
