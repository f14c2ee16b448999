package dev.modelapi.mock.server;

import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import dev.modelapi.decthings.client.wire.BlobMapping;
import dev.modelapi.mock.MockSettings;
import dev.modelapi.mock.admin.MockControl;
import dev.modelapi.mock.admin.ModelApiAdminExtension;
import dev.modelapi.mock.decthings.DecthingsDispatcher;
import dev.modelapi.mock.decthings.DecthingsHandler;
import dev.modelapi.mock.decthings.DecthingsOperations;
import dev.modelapi.mock.decthings.sim.DecthingsSimulation;
import dev.modelapi.mock.faults.RateLimiter;
import dev.modelapi.mock.pieces.PiecesHandler;
import dev.modelapi.mock.pieces.PiecesSimulation;
import dev.modelapi.mock.pieces.download.DownloadManager;
import dev.modelapi.mock.pieces.ws.PiecesProgressWebSocket;
import dev.modelapi.mock.validation.ConformanceListener;

import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Builds one mock: the simulations, the shared download manager and its WebSocket, the WireMock extensions that
 * carry the API behaviour, and WireMock's configuration.
 */
public final class MockAssembly {

    public final DecthingsSimulation decthings;
    public final DownloadManager downloads;
    public final PiecesSimulation pieces;
    public final RateLimiter rateLimiter;
    public final ConformanceListener conformance;
    private final PiecesProgressWebSocket progressSocket;
    private final Notifier notifier;
    private final List<Extension> extensions = new ArrayList<>();

    public MockAssembly(MockSettings settings, MockControl control) {
        SharedResourcesWarmup.start();
        this.notifier = new ConsoleNotifier(settings.verbose());
        this.decthings = new DecthingsSimulation(settings.seed());
        this.downloads = DownloadManager.builder().seed(settings.seed()).tick(settings.downloadTick()).build();
        this.pieces = new PiecesSimulation(downloads, settings.seed());
        this.progressSocket = new PiecesProgressWebSocket(downloads, pieces::exists);
        this.rateLimiter = new RateLimiter(settings.rateLimitPerSecond());
        BlobMapping blobMapping = BlobMapping.load();
        this.conformance = settings.validateResponses() ? new ConformanceListener(blobMapping) : null;

        DecthingsHandler decthingsHandler = new DecthingsHandler(settings.apiKey(), settings.mode(), blobMapping,
                DecthingsOperations.fromSpec(), new DecthingsDispatcher(decthings), notifier);
        PiecesHandler piecesHandler = new PiecesHandler(pieces, settings.mode(), notifier);
        extensions.add(new MockHttpServerFactory(settings.maxBodyBytes(), blobMapping,
                List.of(progressSocket::install)));
        extensions.add(new ApiStubsLoader(settings.mode()));
        extensions.add(new ModelApiTransformer(decthingsHandler, piecesHandler, rateLimiter, notifier));
        extensions.add(new ModelApiAdminExtension(control));
        if (conformance != null) {
            extensions.add(conformance);
        }
    }

    public WireMockConfiguration wireMockConfiguration(MockSettings settings) {
        WireMockConfiguration config = wireMockConfig()
                .bindAddress(settings.bindAddress())
                .notifier(notifier)
                // Plain HTTP/1.1 only: h2c upgrades would bypass WireMock's fault injection, and no client needs them.
                .http2PlainDisabled(true)
                .httpClientFactory(new OnDemandProxyClients())
                .containerThreads(64)
                .jettyAcceptors(2)
                .extensions(extensions.toArray(Extension[]::new));
        if (settings.port() == 0) {
            config.dynamicPort();
        } else {
            config.port(settings.port());
        }
        UserMappings.configure(config, settings.mappingsDir());
        if (!settings.verbose()) {
            // WireMock formats every request and response into a log line (the body base64-encoded, through JSON)
            // before asking the notifier, which drops it unless verbose: 29 % of a getModels call (BENCHMARKS.md).
            config.stubRequestLoggingDisabled(true);
        }
        if (!settings.journalEnabled()) {
            config.disableRequestJournal();
        }
        // The journal cap is enforced by MockStores in O(1) per request (WireMock's own maxRequestJournalEntries
        // counts the whole journal on every request); its stub store is used either way.
        config.withStores(new MockStores(config.getStores(), Math.max(1, settings.maxJournalEntries())));
        return config;
    }

    /** Back to the seeded initial state. */
    public void reset(long seed) {
        decthings.reset(seed);
        pieces.reset(seed);
        rateLimiter.reset();
    }

    public void close() {
        downloads.close();
    }
}
