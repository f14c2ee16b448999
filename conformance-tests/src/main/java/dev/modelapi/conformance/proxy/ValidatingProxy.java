package dev.modelapi.conformance.proxy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.modelapi.conformance.spec.Api;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * A validating proxy in front of a Decthings and/or a Pieces deployment: forwards every request unchanged (WireMock's
 * own proxying) and judges each request, answer and progress frame with the conformance suite's rules. Decthings is served under
 * {@link #decthingsUrl()} ({@code /v0}), Pieces at {@link #piecesUrl()} (the root), so a client only changes its base
 * URL. Use it from a test:
 *
 * <pre>{@code
 * try (ValidatingProxy proxy = ValidatingProxy.builder().piecesUpstream(URI.create("http://localhost:39300")).start()) {
 *     runMyClientAgainst(proxy.piecesUrl());
 *     proxy.assertNoViolations();
 * }
 * }</pre>
 *
 * The Pieces download-progress WebSocket is relayed frame by frame and each frame judged. Needs WireMock on the
 * classpath ({@code dev.modelapi:modelapi-mock} brings it, with Jetty's WebSocket server).
 */
public final class ValidatingProxy implements AutoCloseable {

    private final WireMockServer server;
    private final ViolationLog log;

    private ValidatingProxy(WireMockServer server, ViolationLog log) {
        this.server = server;
        this.log = log;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The base URL a Decthings client uses: {@code http://localhost:PORT/v0}. */
    public URI decthingsUrl() {
        return URI.create("http://localhost:" + port() + Routes.DECTHINGS_BASE);
    }

    /** The base URL a Pieces client uses: {@code http://localhost:PORT}. */
    public URI piecesUrl() {
        return URI.create("http://localhost:" + port());
    }

    public int port() {
        return server.port();
    }

    /** What the traffic showed so far; also at {@code GET /__admin/modelapi/violations}. */
    public ViolationLog log() {
        return log;
    }

    public List<Violation> violations() {
        return log.violations();
    }

    /** Throws an {@link AssertionError} listing every violation so far, if there is one. */
    public void assertNoViolations() {
        List<Violation> all = violations();
        if (!all.isEmpty()) {
            StringBuilder sb = new StringBuilder(all.size() + " contract violation(s) in the proxied traffic:");
            all.forEach(v -> sb.append("\n- ").append(v.logLine()));
            throw new AssertionError(sb.toString());
        }
    }

    /** Writes the reports ({@link ViolationLog#writeReports(Path)}). */
    public void writeReports(Path dir) {
        log.writeReports(dir);
    }

    /** Whether it still serves ({@code POST /__admin/shutdown} stops it). */
    public boolean isRunning() {
        return server.isRunning();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** How the proxy is set up; {@link #start()} starts it. */
    public static final class Builder {

        private final Map<Api, String> upstreams = new EnumMap<>(Api.class);
        private int port;
        private boolean strict;
        private boolean rememberVerdicts = true;
        private Duration upstreamTimeout = Duration.ofSeconds(30);
        private long maxBodyBytes = 64L * 1024 * 1024;
        private Consumer<String> logLines = System.err::println;

        private Builder() {
        }

        /** Where Decthings requests go: the API's server URL, e.g. {@code https://api.decthings.com/v0}. */
        public Builder decthingsUpstream(URI url) {
            upstreams.put(Api.DECTHINGS, trim(url));
            return this;
        }

        /** Where Pieces requests go, e.g. {@code http://localhost:39300}. */
        public Builder piecesUpstream(URI url) {
            upstreams.put(Api.PIECES, trim(url));
            return this;
        }

        /** The port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Answer 502 with the violations instead of passing on an upstream answer that breaks the contract. */
        public Builder failOnInvalidAnswer(boolean strict) {
            this.strict = strict;
            return this;
        }

        /**
         * Whether an exchange identical to one already judged (same request, same answer's status, Content-Type and
         * body) gets the verdict given before instead of being judged again (default true; the verdicts are the
         * same either way). Off, every exchange is validated afresh: to measure that cost, or to spare the memory
         * the kept bodies take (at most 16 MiB).
         */
        public Builder rememberVerdicts(boolean remember) {
            this.rememberVerdicts = remember;
            return this;
        }

        /** How long to wait for the upstream before answering 504 (default 30 s). */
        public Builder upstreamTimeout(Duration timeout) {
            this.upstreamTimeout = timeout;
            return this;
        }

        /** The largest request body forwarded (default 64 MiB); a larger one gets 413. */
        public Builder maxBodyBytes(long max) {
            this.maxBodyBytes = max;
            return this;
        }

        /** Where the one-line violation log goes (default standard error). */
        public Builder logTo(Consumer<String> lines) {
            this.logLines = lines;
            return this;
        }

        public ValidatingProxy start() {
            if (upstreams.isEmpty()) {
                throw new IllegalStateException("Give at least one upstream (decthingsUpstream, piecesUpstream)");
            }
            ViolationLog log = new ViolationLog(upstreams.keySet());
            WireMockConfiguration config = WireMockConfiguration.options()
                    .port(port)
                    // the journal would keep every request with its Authorization header: secrets stay out
                    .disableRequestJournal()
                    .notifier(new Slf4jNotifier(false))
                    // the notifier drops them anyway; this spares formatting every request into a log line
                    .stubRequestLoggingDisabled(true)
                    // WireMock opens a new upstream connection per request by default (its fix for reusing a
                    // connection across hosts when the Host header is preserved, wiremock#1320). Each API here has
                    // one upstream and the Host header is not preserved, so keep-alive is safe, and it spares a TCP
                    // (or TLS) handshake per forwarded request.
                    .disableConnectionReuse(false)
                    .proxyTimeout((int) upstreamTimeout.toMillis())
                    .extensions(new ValidatingTransformer(log, Map.copyOf(upstreams), strict,
                                    rememberVerdicts, logLines),
                            new ViolationsAdmin(log),
                            new ProxyHttpServerFactory(maxBodyBytes, upstreams.get(Api.PIECES), log, logLines));
            WireMockServer server = new WireMockServer(config);
            server.start();
            server.stubFor(any(urlPathMatching(Routes.DECTHINGS_BASE + "(/.*)?")).atPriority(1)
                    .willReturn(route(Api.DECTHINGS)));
            server.stubFor(any(anyUrl()).atPriority(10).willReturn(route(Api.PIECES)));
            return new ValidatingProxy(server, log);
        }

        private ResponseDefinitionBuilder route(Api api) {
            String upstream = upstreams.get(api);
            if (upstream == null) {
                GatewayErrors.GatewayError error = GatewayErrors.of(api, 502, "no-upstream", "The modelapi proxy has"
                        + " no " + api.title() + " upstream (start it with --" + api.key() + "-upstream URL).");
                return aResponse().withStatus(502).withHeader("Content-Type", error.contentType())
                        .withHeader(GatewayErrors.HEADER, error.kind()).withBody(error.body());
            }
            ResponseDefinitionBuilder.ProxyResponseDefinitionBuilder proxy = aResponse().proxiedFrom(upstream);
            return api == Api.DECTHINGS ? proxy.withProxyUrlPrefixToRemove(Routes.DECTHINGS_BASE) : proxy;
        }

        private static String trim(URI url) {
            String s = url.toString();
            return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        }
    }
}
