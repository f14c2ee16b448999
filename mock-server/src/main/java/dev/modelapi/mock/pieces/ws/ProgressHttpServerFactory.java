package dev.modelapi.mock.pieces.ws;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import org.eclipse.jetty.servlet.ServletContextHandler;

/** WireMock's Jetty 11 server with the progress WebSocket installed in its mock-service context. */
final class ProgressHttpServerFactory implements HttpServerFactory {

    private final PiecesProgressWebSocket socket;

    ProgressHttpServerFactory(PiecesProgressWebSocket socket) {
        this.socket = socket;
    }

    @Override
    public String getName() {
        return "modelapi-pieces-progress-websocket";
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler adminRequestHandler,
            StubRequestHandler stubRequestHandler) {
        return new Jetty11HttpServer(options, adminRequestHandler, stubRequestHandler) {
            @Override
            protected void decorateMockServiceContextBeforeConfig(ServletContextHandler mockServiceContext) {
                socket.install(mockServiceContext);
            }
        };
    }
}
