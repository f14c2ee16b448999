package dev.modelapi.conformance.cli;

import dev.modelapi.conformance.config.ConformanceConfig;
import dev.modelapi.conformance.suite.ConformanceSuite;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs {@link ConformanceSuite} through the JUnit Platform Launcher with an explicit configuration: the
 * {@code conformance.*} parameters are passed as configuration parameters and nothing is taken implicitly from system
 * properties or {@code junit-platform.properties}, so a run is configured by its arguments alone.
 */
public final class ConformanceLauncher {

    private ConformanceLauncher() {
    }

    public static void run(ConformanceConfig config, TestExecutionListener... listeners) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(ConformanceSuite.class))
                .configurationParameters(config.toParameters())
                .enableImplicitConfigurationParameters(false)
                .build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, listeners);
    }
}
