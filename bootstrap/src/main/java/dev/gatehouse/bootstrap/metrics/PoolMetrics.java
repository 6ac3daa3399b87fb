package dev.gatehouse.bootstrap.metrics;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * HikariCP's own pool metrics ({@code hikaricp_connections_*}) for a pool that Micronaut did not create
 * (the embedded database of development mode); Micronaut's pools have them already
 * ({@code micronaut.metrics.binders.jdbc.enabled}). Done once started, when pool and registry both exist:
 * asking for the pool while the registry is being built would build the pool inside it.
 */
@Singleton
final class PoolMetrics implements ApplicationEventListener<StartupEvent> {

    private final BeanProvider<DataSource> dataSource;
    private final BeanProvider<MeterRegistry> registry;

    PoolMetrics(BeanProvider<DataSource> dataSource, BeanProvider<MeterRegistry> registry) {
        this.dataSource = dataSource;
        this.registry = registry;
    }

    @Override
    public void onApplicationEvent(StartupEvent started) {
        try {
            DataSource pool = dataSource.get();
            if (pool.isWrapperFor(HikariDataSource.class)) {
                HikariDataSource hikari = pool.unwrap(HikariDataSource.class);
                if (hikari.getMetricRegistry() == null) {
                    hikari.setMetricRegistry(registry.get());
                }
            }
        } catch (SQLException notAPool) {
            throw new IllegalStateException("the data source cannot be inspected for pool metrics", notAPool);
        }
    }
}
