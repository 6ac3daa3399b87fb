package dev.gatehouse.acceptance;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands every test class the one {@link Gatehouse} of the test JVM (a jar takes seconds to start): started on
 * first use, kept in JUnit's root store, and closed (process and embedded database ended) when the run ends.
 * Use with {@code @ExtendWith(SharedGatehouse.class)} and a {@code Gatehouse} constructor parameter.
 */
final class SharedGatehouse implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedGatehouse.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Gatehouse.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Gatehouse.class, type -> Gatehouse.start(), Gatehouse.class);
    }
}
