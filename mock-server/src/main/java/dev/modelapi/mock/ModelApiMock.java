package dev.modelapi.mock;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.modelapi.mock.admin.MockControl;
import dev.modelapi.mock.decthings.sim.Fixtures;
import dev.modelapi.mock.pieces.download.DownloadManager;
import dev.modelapi.mock.record.ModelApiRecorder;
import dev.modelapi.mock.server.MockAssembly;
import dev.modelapi.mock.validation.ServedViolation;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The Decthings and Pieces OS Model APIs on one local port: a WireMock 3 server whose behaviour comes from the mock's
 * extensions.
 *
 * <pre>{@code
 * try (ModelApiMock mock = ModelApiMock.builder().port(0).seed(7).build().start()) {
 *     DecthingsClient decthings = DecthingsClient.builder().baseUrl(mock.decthingsBaseUrl()).build();
 *     PiecesClient pieces = PiecesClient.builder().baseUrl(mock.piecesBaseUrl()).build();
 *     …
 * }
 * }</pre>
 *
 * Thread-safe. With {@link Builder#recordFrom} it is a recording proxy instead (see
 * {@link dev.modelapi.mock.record}).
 */
public final class ModelApiMock implements AutoCloseable {

    private final MockSettings settings;
    private volatile long seed;
    private MockAssembly assembly;
    private WireMockServer server;
    private ModelApiRecorder recorder;

    private ModelApiMock(MockSettings settings) {
        this.settings = settings;
        this.seed = settings.seed();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A mock with these settings (not started). */
    public static ModelApiMock of(MockSettings settings) {
        return new ModelApiMock(Objects.requireNonNull(settings, "settings"));
    }

    /** Starts listening; returns this. */
    public synchronized ModelApiMock start() {
        if (isRunning()) {
            return this;
        }
        if (settings.recording()) {
            recorder = ModelApiRecorder.start(settings);
            return this;
        }
        assembly = new MockAssembly(settings, new Control());
        server = new WireMockServer(assembly.wireMockConfiguration(settings));
        try {
            server.start();
        } catch (RuntimeException e) {
            assembly.close();
            assembly = null;
            server = null;
            throw e;
        }
        return this;
    }

    /** Stops listening (a recording proxy writes its mappings first). Idempotent. */
    public synchronized void stop() {
        if (recorder != null) {
            recorder.close();
            recorder = null;
        }
        if (server != null) {
            server.stop();
            server = null;
        }
        if (assembly != null) {
            assembly.close();
            assembly = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return (server != null && server.isRunning()) || recorder != null;
    }

    public MockSettings settings() {
        return settings;
    }

    public Mode mode() {
        return settings.mode();
    }

    /** The seed of the current simulated state. */
    public long seed() {
        return seed;
    }

    /** The port it listens on (the actual one when started with port 0). */
    public int port() {
        return recorder != null ? recorder.port() : running().port();
    }

    /** {@code http://<bind>:<port>}: WireMock's own base URL and the Pieces OS base URL. */
    public String baseUrl() {
        String host = settings.bindAddress().equals("0.0.0.0") ? "127.0.0.1" : settings.bindAddress();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port();
    }

    /** {@code http://<bind>:<port>/v0}, for {@code DecthingsClient.builder().baseUrl(…)}. */
    public String decthingsBaseUrl() {
        return baseUrl() + "/v0";
    }

    /** {@code http://<bind>:<port>}, for {@code PiecesClient.builder().baseUrl(…)}. */
    public String piecesBaseUrl() {
        return baseUrl();
    }

    /** {@code ws://<bind>:<port>/model/{modelId}/download/progress}. */
    public URI progressWebSocketUri(String modelId) {
        return URI.create(baseUrl().replaceFirst("^http", "ws") + "/model/" + modelId + "/download/progress");
    }

    /**
     * Resets everything a test may have changed: the simulated state (same seed), WireMock's stubs (back to the
     * mock's and the {@code --mappings} ones), scenarios and request journal, and the response-conformance record.
     */
    public void reset() {
        resetSimulation(OptionalLong.empty());
        WireMockServer s = running();
        s.resetAll();
        if (assembly.conformance != null) {
            assembly.conformance.drain();
        }
    }

    /** Back to the initial state of a new seed (WireMock's stubs and journal untouched). */
    public void reseed(long newSeed) {
        resetSimulation(OptionalLong.of(newSeed));
    }

    private synchronized long resetSimulation(OptionalLong newSeed) {
        running();
        if (newSeed.isPresent()) {
            seed = newSeed.getAsLong();
        }
        assembly.reset(seed);
        return seed;
    }

    /** The WireMock server, for WireMock's own Java API (stubFor, verify, the journal). */
    public WireMockServer wireMock() {
        if (recorder != null) {
            return recorder.server();
        }
        return running();
    }

    /** The persistent launchers and datasets that Decthings requests may refer to (ids for createState, train…). */
    public Fixtures decthingsFixtures() {
        return simulation().decthings.fixtures();
    }

    /** The downloads behind the Pieces download endpoints and the progress WebSocket. */
    public DownloadManager downloads() {
        return simulation().downloads;
    }

    /** Ids of the Pieces catalogue (seeded models first). */
    public List<String> piecesModelIds() {
        return simulation().pieces.modelIds();
    }

    /**
     * Responses served so far that do not conform to the spec (only with
     * {@link Builder#validateResponses(boolean)}, which the JUnit extension turns on).
     */
    public List<ServedViolation> conformanceViolations() {
        MockAssembly a = simulation();
        return a.conformance == null ? List.of() : a.conformance.violations();
    }

    /** Returns and forgets the violations recorded so far. */
    public List<ServedViolation> drainConformanceViolations() {
        MockAssembly a = simulation();
        return a.conformance == null ? List.of() : a.conformance.drain();
    }

    private synchronized WireMockServer running() {
        if (server == null) {
            throw new IllegalStateException(recorder != null ? "A recording proxy has no simulation"
                    : "The mock is not started");
        }
        return server;
    }

    private synchronized MockAssembly simulation() {
        running();
        return assembly;
    }

    @Override
    public String toString() {
        return "ModelApiMock{" + (isRunning() ? baseUrl() : "stopped") + ", " + settings.mode().cliName()
                + ", seed " + seed + "}";
    }

    /** The admin API's view of this mock. */
    private final class Control implements MockControl {
        @Override
        public long resetSimulation(OptionalLong newSeed) {
            return ModelApiMock.this.resetSimulation(newSeed);
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("mode", settings.mode().cliName());
            out.put("seed", seed);
            out.put("decthingsBaseUrl", decthingsBaseUrl());
            out.put("piecesBaseUrl", piecesBaseUrl());
            Fixtures f = decthingsFixtures();
            out.put("persistentLaunchers", f.launchers().keySet());
            out.put("datasets", f.datasetKeys());
            out.put("piecesModels", piecesModelIds());
            return out;
        }
    }

    /** Settings of a {@link ModelApiMock}; all optional. */
    public static final class Builder {
        private int port = MockSettings.DEFAULT_PORT;
        private String bind = MockSettings.DEFAULT_BIND;
        private Mode mode = Mode.SIMULATE;
        private long seed = MockSettings.DEFAULT_SEED;
        private String apiKey;
        private Path mappingsDir;
        private long maxBodyBytes = (long) MockSettings.DEFAULT_MAX_BODY_MIB << 20;
        private int rateLimit;
        private boolean verbose;
        private URI recordFrom;
        private Path recordTo;
        private boolean validateResponses;
        private java.time.Duration downloadTick;
        private int maxJournalEntries = MockSettings.DEFAULT_MAX_JOURNAL_ENTRIES;

        private Builder() {
        }

        /** TCP port, default 8080; 0 picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Address to listen on, default 127.0.0.1. */
        public Builder bind(String address) {
            this.bind = Objects.requireNonNull(address, "address");
            return this;
        }

        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Seed of ids, timestamps and generated values, default 42. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Require {@code Authorization: Bearer <key>} on Decthings calls (else {@code bad_credentials}). */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** Extra WireMock mappings: a WireMock root ({@code mappings/}, {@code __files/}) or a folder of them. */
        public Builder mappingsDir(Path dir) {
            this.mappingsDir = dir;
            return this;
        }

        /** Request bodies over this many MiB get an error in the API's shape; default 64. */
        public Builder maxBodyMib(int mib) {
            if (mib <= 0) {
                throw new IllegalArgumentException("maxBodyMib must be positive");
            }
            this.maxBodyBytes = (long) mib << 20;
            return this;
        }

        /** The same cap in bytes (for tests of the cap). */
        public Builder maxBodyBytes(long bytes) {
            this.maxBodyBytes = bytes;
            return this;
        }

        /** API requests per second before {@code too_many_requests} / 500; 0 (default) = unlimited. */
        public Builder rateLimitPerSecond(int perSecond) {
            this.rateLimit = perSecond;
            return this;
        }

        /** Log every request (WireMock's verbose notifier). */
        public Builder verbose(boolean verbose) {
            this.verbose = verbose;
            return this;
        }

        /** Proxy to this deployment and record (with {@link #recordTo}); the mock then simulates nothing. */
        public Builder recordFrom(URI origin) {
            this.recordFrom = origin;
            return this;
        }

        public Builder recordTo(Path dir) {
            this.recordTo = dir;
            return this;
        }

        /** Validate every served response against the spec; see {@link ModelApiMock#conformanceViolations()}. */
        public Builder validateResponses(boolean validate) {
            this.validateResponses = validate;
            return this;
        }

        /** How often a simulated Pieces download moves by 4–16 % (default 250 ms). */
        public Builder downloadTick(java.time.Duration tick) {
            this.downloadTick = tick;
            return this;
        }

        /** Requests kept for {@code verify} and {@code /__admin/requests} (default 2 000, oldest dropped first). */
        public Builder maxRequestJournalEntries(int entries) {
            this.maxJournalEntries = entries;
            return this;
        }

        /** No request journal: nothing kept per request (for long or heavy load), nothing to verify. */
        public Builder disableRequestJournal() {
            this.maxJournalEntries = 0;
            return this;
        }

        public MockSettings settings() {
            return new MockSettings(port, bind, mode, seed, apiKey, mappingsDir, maxBodyBytes, rateLimit, verbose,
                    recordFrom, recordTo, validateResponses, downloadTick, maxJournalEntries);
        }

        public ModelApiMock build() {
            return new ModelApiMock(settings());
        }
    }
}
