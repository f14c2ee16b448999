package dev.modelapi.conformance.proxy;

import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.conformance.spec.SpecCatalog;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.FilterMapping;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.websocket.server.JettyWebSocketServerContainer;
import org.eclipse.jetty.websocket.server.config.JettyWebSocketServletContainerInitializer;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Upgrades the Pieces download-progress requests ({@code GET /model/{model}/download/progress} with
 * {@code Upgrade: websocket}) on the proxy's Jetty to a {@link ProgressRelay}; everything else goes on to WireMock.
 * Installed first in the context, as the mock installs its own socket (Jetty 11's path mappings do not match a
 * template with a variable in the middle, so the filter checks the path itself).
 */
final class ProgressUpgrade implements Filter {

    private static final Pattern PATH = Pattern.compile("^/model/[^/]+/download/progress/?$");

    private final String piecesUpstream;
    private final ViolationLog log;
    private final Consumer<String> logLines;
    private final ApiOperation operation;
    private volatile ServletContext context;

    private ProgressUpgrade(String piecesUpstream, ViolationLog log, Consumer<String> logLines) {
        this.piecesUpstream = piecesUpstream;
        this.log = log;
        this.logLines = logLines;
        this.operation = SpecCatalog.of(Api.PIECES).operations().stream().filter(ApiOperation::isWebSocket)
                .findFirst().orElseThrow();
    }

    static void install(ServletContextHandler context, String piecesUpstream, ViolationLog log,
                        Consumer<String> logLines) {
        JettyWebSocketServletContainerInitializer.configure(context,
                (servletContext, container) -> container.setIdleTimeout(Duration.ZERO));
        FilterHolder filter = new FilterHolder(new ProgressUpgrade(piecesUpstream, log, logLines));
        filter.setName(ProgressUpgrade.class.getName());
        filter.setAsyncSupported(true);
        FilterMapping mapping = new FilterMapping();
        mapping.setFilterName(filter.getName());
        mapping.setPathSpec("/model/*");
        mapping.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
        context.getServletHandler().prependFilter(filter);
        context.getServletHandler().prependFilterMapping(mapping);
    }

    @Override
    public void init(FilterConfig config) {
        context = config.getServletContext();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse
                && "GET".equals(http.getMethod()) && PATH.matcher(http.getRequestURI()).matches()
                && wantsWebSocket(http)) {
            String path = http.getRequestURI();
            URI upstream = URI.create(piecesUpstream.replaceFirst("^http", "ws") + path
                    + (http.getQueryString() == null ? "" : "?" + http.getQueryString()));
            JettyWebSocketServerContainer container = JettyWebSocketServerContainer.getContainer(context);
            if (container.upgrade((req, resp) -> new ProgressRelay(upstream, operation, path, log, logLines),
                    http, httpResponse) || response.isCommitted()) {
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean wantsWebSocket(HttpServletRequest request) {
        String upgrade = request.getHeader("Upgrade");
        return upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket");
    }
}
