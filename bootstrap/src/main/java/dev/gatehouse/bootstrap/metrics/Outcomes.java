package dev.gatehouse.bootstrap.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One counter family ({@code <name>_total} in Prometheus), one counter per combination of label values,
 * registered on first use and then found by a single map lookup (the refresh hot path counts here).
 * Callers pass only bounded label values: configured client ids, outcome and reason names.
 */
final class Outcomes {

    private final Supplier<MeterRegistry> registry;
    private final String name;
    private final String description;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    Outcomes(MeterRegistry registry, String name, String description) {
        this(() -> registry, name, description);
    }

    /**
     * @param registry looked up when a label set is first counted, not now: a decorator made while its port's bean
     *                 is created must not create the registry then
     */
    Outcomes(Supplier<MeterRegistry> registry, String name, String description) {
        this.registry = registry;
        this.name = name;
        this.description = description;
    }

    /** @param labels name, value, name, value, ... */
    void count(String... labels) {
        count(1, labels);
    }

    void count(int amount, String... labels) {
        counters.computeIfAbsent(String.join("\n", labels),
                        key -> Counter.builder(name).description(description).tags(labels).register(registry.get()))
                .increment(amount);
    }
}
