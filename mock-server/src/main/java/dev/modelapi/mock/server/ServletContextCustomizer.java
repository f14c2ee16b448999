package dev.modelapi.mock.server;

import org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * Adds something to the servlet context that serves the mocked APIs (not {@code /__admin}), before WireMock
 * configures it: the Pieces download-progress WebSocket uses this to upgrade on the same port as HTTP.
 */
@FunctionalInterface
public interface ServletContextCustomizer {
    void customize(ServletContextHandler mockServiceContext);
}
