package dev.modelapi.mock.record;

import static com.github.tomakehurst.wiremock.client.WireMock.recordSpec;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.recording.RecordingStatus;
import com.github.tomakehurst.wiremock.recording.SnapshotRecordResult;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.modelapi.mock.MockSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@code --record-from URL --record-to DIR}: a WireMock server on the mock's bind address and port that proxies every
 * request to a real deployment and, when stopped, writes one WireMock mapping file per recorded call into
 * {@code DIR/mappings/}, Decthings bodies decoded by {@link DecthingsRecordingTransformer}. It runs <em>instead of</em>
 * the simulation (none of the mock's own filters: the real deployment must get the client's bytes unchanged).
 * See the package documentation.
 */
public final class ModelApiRecorder implements AutoCloseable {

    private final WireMockServer server;
    private final String target;
    private final Path recordTo;
    private boolean recording;
    private List<Path> written = List.of();
    private Thread shutdownHook;

    private ModelApiRecorder(WireMockServer server, String target, Path recordTo) {
        this.server = server;
        this.target = target;
        this.recordTo = recordTo;
    }

    /** Starts recording with the mock's settings ({@code recordFrom}, {@code recordTo}, bind, port, verbose). */
    public static ModelApiRecorder start(MockSettings settings) {
        if (!settings.recording()) {
            throw new IllegalArgumentException("recordFrom/recordTo are not set");
        }
        return start(settings.bindAddress(), settings.port(), settings.recordFrom(), settings.recordTo(),
                new ConsoleNotifier(settings.verbose()));
    }

    /**
     * Starts a recording proxy.
     *
     * @param bindAddress address to listen on
     * @param port port; 0 picks a free one
     * @param recordFrom the real deployment's origin, e.g. {@code https://api.decthings.com} or
     *     {@code http://localhost:39300}; a path is not allowed except a trailing {@code /v0}, which is dropped (the
     *     mock's own paths, {@code /v0/Model/…} and {@code /model/…}, are appended to the origin)
     * @param recordTo directory; mappings go to {@code recordTo/mappings/} (created if missing)
     * @param notifier WireMock's log
     */
    public static ModelApiRecorder start(String bindAddress, int port, URI recordFrom, Path recordTo,
            Notifier notifier) {
        String target = targetOrigin(recordFrom);
        try {
            Files.createDirectories(recordTo.resolve("mappings"));
            Files.createDirectories(recordTo.resolve("__files"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + recordTo, e);
        }
        WireMockServer server = new WireMockServer(wireMockConfig()
                .bindAddress(Objects.requireNonNull(bindAddress, "bindAddress"))
                .port(port)
                .usingFilesUnderDirectory(recordTo.toString())
                .notifier(notifier == null ? new ConsoleNotifier(false) : notifier)
                .extensions(new DecthingsRecordingTransformer()));
        server.start();
        ModelApiRecorder recorder = new ModelApiRecorder(server, target, recordTo);
        try {
            recorder.begin();
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        return recorder;
    }

    private void begin() {
        server.startRecording(recordSpec()
                .forTarget(target)
                // Exact JSON matching (WireMock's recorder default ignores extra elements and array order).
                .chooseBodyMatchTypeAutomatically(false, false, false)
                // Bodies stay inline (WireMock would move every binary and every text body over 10 KiB to __files).
                .extractTextBodiesOver(Long.MAX_VALUE)
                .extractBinaryBodiesOver(Long.MAX_VALUE)
                .makeStubsPersistent(true)
                .transformerParameters(Parameters.one(DecthingsRecordingTransformer.PARAM_RECORDED_FROM, target)));
        recording = true;
        // A recording must survive Ctrl-C / SIGTERM: write the mappings from a shutdown hook too (stop() is
        // idempotent, so a caller that stops the recorder itself on shutdown does no harm).
        shutdownHook = new Thread(this::stopQuietly, "modelapi-recorder-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            System.err.println("modelapi: could not write the recorded mappings: " + e);
        }
    }

    /** The origin requests are forwarded to. */
    public String target() {
        return target;
    }

    public int port() {
        return server.port();
    }

    /** {@code http://<bind>:<port>} — the Pieces base URL; Decthings is this plus {@code /v0}. */
    public String baseUrl() {
        return "http://" + hostForUrl(server.getOptions().bindAddress()) + ":" + server.port();
    }

    /** The underlying WireMock server (its admin API, request journal …). */
    public WireMockServer server() {
        return server;
    }

    public boolean isRecording() {
        return recording && server.getRecordingStatus().getStatus() == RecordingStatus.Recording;
    }

    /**
     * Stops recording and writes the mappings (WireMock persists them into {@code recordTo/mappings/}). The proxy
     * keeps running without recording until {@link #close()}. Calling it again returns the same files. Also runs from
     * a JVM shutdown hook (registered by {@code start}, removed by {@link #close()}), so that Ctrl-C does not lose a
     * recording.
     *
     * @return the mapping files written by this recording, sorted
     */
    public synchronized List<Path> stop() {
        if (!recording) {
            return written;
        }
        List<Path> before = listMappings();
        recording = false;
        SnapshotRecordResult result = server.stopRecording();
        List<Path> after = listMappings();
        after.removeAll(before);
        written = List.copyOf(after);
        int count = result.getStubMappings() == null ? 0 : result.getStubMappings().size();
        if (count != written.size()) {
            server.getOptions().notifier().info("modelapi: recorded " + count + " mappings, wrote "
                    + written.size() + " new files under " + recordTo.resolve("mappings"));
        }
        return written;
    }

    /** The mappings recorded so far (without stopping), as WireMock would write them. */
    public List<StubMapping> preview() {
        return server.snapshotRecord(recordSpec()
                .chooseBodyMatchTypeAutomatically(false, false, false)
                .extractTextBodiesOver(Long.MAX_VALUE)
                .extractBinaryBodiesOver(Long.MAX_VALUE)
                .makeStubsPersistent(false)).getStubMappings();
    }

    /** {@link #stop()} if still recording, then stops the server. */
    @Override
    public synchronized void close() {
        try {
            stop();
        } finally {
            removeShutdownHook();
            server.stop();
        }
    }

    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        shutdownHook = null;
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs (or ran) and finds nothing left to do
            }
        }
    }

    private List<Path> listMappings() {
        Path dir = recordTo.resolve("mappings");
        if (!Files.isDirectory(dir)) {
            return new ArrayList<>();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.filter(p -> p.toString().endsWith(".json")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String targetOrigin(URI from) {
        Objects.requireNonNull(from, "recordFrom");
        String scheme = from.getScheme() == null ? "" : from.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("--record-from must be an http(s) URL, got " + from);
        }
        if (from.getHost() == null) {
            throw new IllegalArgumentException("--record-from has no host: " + from);
        }
        String path = from.getRawPath() == null ? "" : from.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.equals("/v0")) {
            path = "";
        }
        if (!path.isEmpty() || from.getRawQuery() != null || from.getRawFragment() != null) {
            throw new IllegalArgumentException("--record-from must be an origin such as https://api.decthings.com"
                    + " or http://localhost:39300 (the request paths are appended to it), got " + from);
        }
        return scheme + "://" + from.getRawAuthority();
    }

    private static String hostForUrl(String bind) {
        if (bind == null || bind.equals("0.0.0.0")) {
            return "127.0.0.1";
        }
        return bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
    }
}
