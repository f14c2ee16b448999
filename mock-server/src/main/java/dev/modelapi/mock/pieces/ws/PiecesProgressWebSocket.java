package dev.modelapi.mock.pieces.ws;

import dev.modelapi.mock.pieces.download.DownloadManager;
import jakarta.servlet.DispatcherType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.FilterMapping;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHandler;
import org.eclipse.jetty.websocket.server.JettyServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.JettyServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.config.JettyWebSocketServletContainerInitializer;

/**
 * The Pieces OS download-progress WebSocket {@code GET /model/{model}/download/progress} (with {@code Upgrade:
 * websocket}) on WireMock's own Jetty, i.e. on the same port and bind address as the HTTP API. See the package
 * documentation for the behaviour and for how to wire it in.
 */
public final class PiecesProgressWebSocket {

    /** The path of the socket, as a URI template. */
    public static final String PATH_TEMPLATE = "/model/{model}/download/progress";

    /** Close code sent after the {@code UNKNOWN} frame when the model id is not in the catalogue (4000 + HTTP 410). */
    public static final int CLOSE_MODEL_NOT_FOUND = 4410;

    /** Close reason that goes with {@link #CLOSE_MODEL_NOT_FOUND}: the text of the REST API's 410. */
    public static final String MODEL_NOT_FOUND_REASON = "model was not found.";

    private static final Pattern PATH = Pattern.compile("^/model/([^/]+)/download/progress/?$");

    private final DownloadManager downloads;
    private final Predicate<String> modelExists;
    private volatile Duration idleTimeout = Duration.ZERO;

    /**
     * @param downloads the download state whose frames are streamed
     * @param modelExists whether a model id is in the catalogue (ids for which it is false get the
     *     {@code UNKNOWN} frame and close code {@value #CLOSE_MODEL_NOT_FOUND}); called once per connection
     */
    public PiecesProgressWebSocket(DownloadManager downloads, Predicate<String> modelExists) {
        this.downloads = Objects.requireNonNull(downloads, "downloads");
        this.modelExists = Objects.requireNonNull(modelExists, "modelExists");
    }

    public DownloadManager downloads() {
        return downloads;
    }

    /**
     * Idle timeout of a socket on which nothing is sent; {@link Duration#ZERO} (the default) means none: clients keep
     * one socket per model open for as long as they like. Takes effect for contexts installed afterwards.
     */
    public PiecesProgressWebSocket idleTimeout(Duration timeout) {
        this.idleTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Adds the WebSocket upgrade to a servlet context that has not been started: a filter in front of every other
     * filter and servlet of the context upgrades {@code GET} requests to {@link #PATH_TEMPLATE} that carry
     * {@code Upgrade: websocket}, and passes every other request (a plain {@code GET} of the same path included) on
     * unchanged. Call it from {@code Jetty11HttpServer.decorateMockServiceContextBeforeConfig(ServletContextHandler)}.
     *
     * @throws IllegalStateException if the context is already started
     */
    public void install(ServletContextHandler mockServiceContext) {
        Duration timeout = idleTimeout;
        JettyWebSocketServletContainerInitializer.configure(mockServiceContext,
                (servletContext, container) -> container.setIdleTimeout(timeout));
        FilterHolder filter = new FilterHolder(new ProgressUpgradeFilter(this::createSocket));
        filter.setName(ProgressUpgradeFilter.class.getName());
        filter.setAsyncSupported(true);
        FilterMapping mapping = new FilterMapping();
        mapping.setFilterName(filter.getName());
        mapping.setPathSpec("/model/*");
        mapping.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
        ServletHandler servletHandler = mockServiceContext.getServletHandler();
        servletHandler.prependFilter(filter);
        servletHandler.prependFilterMapping(mapping);
    }

    /** The model id of a socket path, URL-decoded, or null if {@code path} is not a progress path. */
    static String modelIdOf(String path) {
        if (path == null) {
            return null;
        }
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return null;
        }
        try {
            return URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return m.group(1); // malformed %-escape: taken literally (an id no catalogue has)
        }
    }

    private Object createSocket(JettyServerUpgradeRequest request, JettyServerUpgradeResponse response) {
        String modelId = modelIdOf(request.getHttpServletRequest().getRequestURI());
        if (modelId == null) {
            return null; // cannot happen: the filter checked the path
        }
        boolean known;
        try {
            known = modelExists.test(modelId);
        } catch (RuntimeException e) {
            known = false;
        }
        return new ProgressSocket(downloads, modelId, known);
    }
}
