package dev.modelapi.conformance.proxy;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;

import java.util.EnumSet;

import java.util.function.Consumer;

/** WireMock's own Jetty 11, with the body cap and (when there is a Pieces upstream) the progress-socket relay. */
final class ProxyHttpServerFactory implements HttpServerFactory {

    private final long maxBodyBytes;
    private final String piecesUpstream;
    private final ViolationLog log;
    private final Consumer<String> logLines;

    ProxyHttpServerFactory(long maxBodyBytes, String piecesUpstream, ViolationLog log, Consumer<String> logLines) {
        this.maxBodyBytes = maxBodyBytes;
        this.piecesUpstream = piecesUpstream;
        this.log = log;
        this.logLines = logLines;
    }

    @Override
    public String getName() {
        return "modelapi-proxy-http-server";
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
        return new Jetty11HttpServer(options, admin, stubs) {
            @Override
            protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
                context.addFilter(new FilterHolder(new BodyCapFilter(maxBodyBytes)), "/*",
                        EnumSet.of(DispatcherType.REQUEST));
                if (piecesUpstream != null) {
                    ProgressUpgrade.install(context, piecesUpstream, log, logLines);
                }
            }
        };
    }
}
