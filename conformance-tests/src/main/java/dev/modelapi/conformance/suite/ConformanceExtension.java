package dev.modelapi.conformance.suite;

import dev.modelapi.conformance.config.ConformanceConfig;
import dev.modelapi.conformance.run.ConformanceRun;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives the suite its {@link ConformanceRun}: one per engine execution, configured from the JUnit configuration
 * parameters ({@code conformance.*}, falling back to system properties), kept in the root store so that JUnit
 * closes it (cleanup, reports, embedded mock stop) when the run ends.
 */
public final class ConformanceExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConformanceExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ConformanceRun.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ConformanceRun.class, k -> {
            try {
                return ConformanceRun.start(ConformanceConfig.from(context::getConfigurationParameter));
            } catch (IllegalArgumentException e) {
                throw new ParameterResolutionException("Bad conformance configuration: " + e.getMessage(), e);
            }
        }, ConformanceRun.class);
    }
}
