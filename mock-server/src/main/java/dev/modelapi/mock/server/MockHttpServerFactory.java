package dev.modelapi.mock.server;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import dev.modelapi.decthings.client.wire.BlobMapping;
import dev.modelapi.mock.decthings.DecthingsPaths;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;

import java.util.EnumSet;
import java.util.List;

/**
 * WireMock's own Jetty 11 server, with the mock's additions on the API context: the body guard (size cap), the
 * framed-call decoder and the customizers (the progress WebSocket). Registered as a WireMock extension, which makes
 * WireMock use it.
 */
public final class MockHttpServerFactory implements HttpServerFactory {

    private final long maxBodyBytes;
    private final BlobMapping blobMapping;
    private final List<ServletContextCustomizer> customizers;

    public MockHttpServerFactory(long maxBodyBytes, BlobMapping blobMapping, List<ServletContextCustomizer> customizers) {
        this.maxBodyBytes = maxBodyBytes;
        this.blobMapping = blobMapping;
        this.customizers = List.copyOf(customizers);
    }

    @Override
    public String getName() {
        return "modelapi-http-server";
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler adminRequestHandler,
                                      StubRequestHandler stubRequestHandler) {
        return new Jetty11HttpServer(options, adminRequestHandler, stubRequestHandler) {
            @Override
            protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
                context.addFilter(new FilterHolder(new BodyGuardFilter(maxBodyBytes)), "/*",
                        EnumSet.of(DispatcherType.REQUEST));
                context.addFilter(new FilterHolder(new FramedRequestFilter(blobMapping)), DecthingsPaths.BASE + "/*",
                        EnumSet.of(DispatcherType.REQUEST));
                customizers.forEach(c -> c.customize(context));
            }

            @Override
            protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
                // If anything still escapes to Jetty, its error page must not carry a stack trace.
                if (context.getErrorHandler() != null) {
                    context.getErrorHandler().setShowStacks(false);
                    context.getErrorHandler().setShowServlet(false);
                }
            }
        };
    }
}
