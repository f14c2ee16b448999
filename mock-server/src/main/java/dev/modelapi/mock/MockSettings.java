package dev.modelapi.mock;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The immutable configuration of one {@link ModelApiMock}, as built by {@link ModelApiMock.Builder} or the CLI.
 *
 * @param port TCP port; 0 picks a free one
 * @param bindAddress address to listen on (127.0.0.1 by default: a mock should not be reachable from the network)
 * @param mode simulate or recorded
 * @param seed seed of every generated id, timestamp and value
 * @param apiKey when set, Decthings calls need {@code Authorization: Bearer <apiKey>}
 * @param mappingsDir extra user WireMock mappings
 * @param maxBodyBytes request bodies above this get an error in the API's shape
 * @param rateLimitPerSecond requests per second before {@code too_many_requests}; 0 = no limit
 * @param verbose log every request to stdout (WireMock's verbose notifier)
 * @param recordFrom base URL of a real deployment to proxy to and record
 * @param recordTo where recorded mappings are written
 * @param validateResponses validate every served response against the spec (see {@link ModelApiMock#conformanceViolations()})
 * @param downloadTick how often a simulated Pieces download moves (each tick: 4–16 %)
 * @param maxJournalEntries requests kept in the request journal (oldest dropped first); 0 disables the journal
 *     (WireMock's {@code --no-request-journal}: nothing to verify or record, but no memory kept per request)
 */
public record MockSettings(
        int port,
        String bindAddress,
        Mode mode,
        long seed,
        String apiKey,
        Path mappingsDir,
        long maxBodyBytes,
        int rateLimitPerSecond,
        boolean verbose,
        URI recordFrom,
        Path recordTo,
        boolean validateResponses,
        java.time.Duration downloadTick,
        int maxJournalEntries) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_MAX_BODY_MIB = 64;
    /**
     * Enough for a test's verifications and for looking back at a session; small enough that the entries (each
     * holds the request and the answer, ~15 KB for a getModels) die young: at 10 000 the young collections copied
     * ~100 MB of them each and their pauses set the p99 under load (BENCHMARKS.md).
     */
    public static final int DEFAULT_MAX_JOURNAL_ENTRIES = 2_000;

    public MockSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(mode, "mode");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
        }
        if (rateLimitPerSecond < 0) {
            throw new IllegalArgumentException("rateLimitPerSecond must be >= 0, got " + rateLimitPerSecond);
        }
        if ((recordFrom == null) != (recordTo == null)) {
            throw new IllegalArgumentException("recordFrom and recordTo go together");
        }
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
        if (downloadTick == null) {
            downloadTick = dev.modelapi.mock.pieces.download.DownloadManager.DEFAULT_TICK;
        }
        if (downloadTick.isNegative() || downloadTick.isZero()) {
            throw new IllegalArgumentException("downloadTick must be positive");
        }
        if (maxJournalEntries < 0) {
            throw new IllegalArgumentException("maxJournalEntries must be >= 0, got " + maxJournalEntries);
        }
        if (recordFrom != null && maxJournalEntries == 0) {
            throw new IllegalArgumentException("Recording reads the request journal: it cannot be disabled");
        }
    }

    public Optional<String> apiKeyOptional() {
        return Optional.ofNullable(apiKey);
    }

    public boolean journalEnabled() {
        return maxJournalEntries > 0;
    }

    public boolean recording() {
        return recordFrom != null;
    }
}
