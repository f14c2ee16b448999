package dev.modelapi.mock.pieces.ws;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.Locale;
import org.eclipse.jetty.websocket.server.JettyWebSocketCreator;
import org.eclipse.jetty.websocket.server.JettyWebSocketServerContainer;

/**
 * First filter of WireMock's mock-service context: upgrades {@code GET /model/{model}/download/progress} requests
 * that carry {@code Upgrade: websocket}, passes everything else on untouched.
 *
 * <p>Why not {@code JettyWebSocketServerContainer.addMapping(…)}: in Jetty 11.0.26 a {@code PathMappings} that holds
 * only a uri-template or regex spec of group {@code MIDDLE_GLOB} (a variable in the middle of the path, as here) never
 * matches anything (the group is not handled in {@code PathMappings.put}, so the optimized lookup skips it). The
 * programmatic {@link JettyWebSocketServerContainer#upgrade} with our own path check avoids that.
 */
final class ProgressUpgradeFilter implements Filter {

    private final JettyWebSocketCreator creator;
    private volatile JettyWebSocketServerContainer container;
    private volatile jakarta.servlet.ServletContext context;

    ProgressUpgradeFilter(JettyWebSocketCreator creator) {
        this.creator = creator;
    }

    @Override
    public void init(FilterConfig config) {
        context = config.getServletContext();
    }

    private JettyWebSocketServerContainer container() {
        JettyWebSocketServerContainer c = container;
        if (c == null) {
            c = JettyWebSocketServerContainer.getContainer(context);
            if (c == null) {
                throw new IllegalStateException("No JettyWebSocketServerContainer in the context: "
                        + "JettyWebSocketServletContainerInitializer.configure was not called");
            }
            container = c;
        }
        return c;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse
                && "GET".equals(http.getMethod())
                && PiecesProgressWebSocket.modelIdOf(http.getRequestURI()) != null
                && wantsWebSocket(http)) {
            if (container().upgrade(creator, http, httpResponse)) {
                return;
            }
            if (response.isCommitted()) {
                return; // the handshake failed and Jetty already answered (e.g. a bad Sec-WebSocket-Version)
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean wantsWebSocket(HttpServletRequest request) {
        for (Enumeration<String> e = request.getHeaders("Upgrade"); e != null && e.hasMoreElements(); ) {
            if (e.nextElement().toLowerCase(Locale.ROOT).contains("websocket")) {
                return true;
            }
        }
        return false;
    }
}
