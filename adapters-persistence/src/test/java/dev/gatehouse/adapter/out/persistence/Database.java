package dev.gatehouse.adapter.out.persistence;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;

/**
 * The persistence adapters on a real PostgreSQL: the development-mode embedded database, migrated by
 * Flyway, started once per test JVM.
 */
final class Database {

    private static ApplicationContext context;

    private Database() {
    }

    static synchronized ApplicationContext context() {
        if (context == null) {
            context = ApplicationContext.run(Environment.DEVELOPMENT);
            Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        }
        return context;
    }

    static <T> T bean(Class<T> type) {
        return context().getBean(type);
    }
}
