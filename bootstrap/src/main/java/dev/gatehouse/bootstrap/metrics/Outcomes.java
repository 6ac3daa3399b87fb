package dev.gatehouse.bootstrap.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One counter family ({@code <name>_total} in Prometheus), looked up by its label values on each
 * increment. Callers pass only bounded label values: configured client ids, outcome and reason names.
 */
final class Outcomes {

    private final MeterRegistry registry;
    private final String name;
    private final String description;

    Outcomes(MeterRegistry registry, String name, String description) {
        this.registry = registry;
        this.name = name;
        this.description = description;
    }

    /** @param labels name, value, name, value, ... */
    void count(String... labels) {
        count(1, labels);
    }

    void count(int amount, String... labels) {
        Counter.builder(name).description(description).tags(labels).register(registry).increment(amount);
    }
}
