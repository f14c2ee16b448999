package dev.modelapi.conformance.broken;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.cli.ConformanceLauncher;
import dev.modelapi.conformance.config.ConformanceConfig;
import dev.modelapi.conformance.config.Transport;
import dev.modelapi.conformance.report.OutcomeStatus;
import dev.modelapi.conformance.report.ResultsFile;
import dev.modelapi.mock.ModelApiMock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded mock with broken behaviour injected through its WireMock instance (stubs at priority 1), and the
 * conformance suite run against it through the same launcher as the CLI.
 */
final class BrokenTarget implements AutoCloseable {

    static final String KEY = "broken-target-key";

    private final ModelApiMock mock;

    private BrokenTarget(ModelApiMock mock) {
        this.mock = mock;
    }

    static BrokenTarget start() {
        return new BrokenTarget(ModelApiMock.builder().port(0).seed(11).apiKey(KEY).build().start());
    }

    static BrokenTarget start(ModelApiMock.Builder builder) {
        return new BrokenTarget(builder.port(0).build().start());
    }

    WireMockServer wireMock() {
        return mock.wireMock();
    }

    ModelApiMock mock() {
        return mock;
    }

    /** Runs the suite against the mock's Decthings API only. */
    ResultsFile runDecthings(Path reportDir, Transport transport, String apiKey, Set<CheckId> only) {
        return run(new ConformanceConfig(URI.create(mock.decthingsBaseUrl()), null, apiKey, null, transport, false,
                only, Set.of(), reportDir, 5, Duration.ofSeconds(20)));
    }

    /** Runs the suite against a Pieces base URL only. */
    ResultsFile runPieces(Path reportDir, URI piecesUrl, Set<CheckId> only) {
        return run(new ConformanceConfig(null, piecesUrl, null, null, Transport.BINARY, false, only, Set.of(),
                reportDir, 5, Duration.ofSeconds(20)));
    }

    URI piecesUrl() {
        return URI.create(mock.piecesBaseUrl());
    }

    static ResultsFile run(ConformanceConfig config) {
        ConformanceLauncher.run(config);
        try {
            return ResultsFile.read(config.reportDir().resolve(ResultsFile.NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<ResultsFile.Cell> cell(ResultsFile results, String operation, CheckId check) {
        return results.cells().stream()
                .filter(c -> c.operation().equals(operation) && c.check().equals(check.key())).findFirst();
    }

    /** Asserts that the cell failed and that one of its findings says {@code text}. */
    static ResultsFile.Cell assertFailed(ResultsFile results, String operation, CheckId check, String text) {
        ResultsFile.Cell c = cell(results, operation, check)
                .orElseThrow(() -> new AssertionError("no cell " + operation + " · " + check));
        assertThat(c.status()).as("%s · %s: %s", operation, check, c.message()).isEqualTo(OutcomeStatus.FAILED.name());
        assertThat(c.message()).as("%s · %s", operation, check).contains(text);
        assertThat(c.findings()).allSatisfy(f -> {
            assertThat(f.expected()).isNotBlank();
            assertThat(f.actual()).isNotBlank();
        });
        return c;
    }

    static void assertPassed(ResultsFile results, String operation, CheckId check) {
        ResultsFile.Cell c = cell(results, operation, check)
                .orElseThrow(() -> new AssertionError("no cell " + operation + " · " + check));
        assertThat(c.status()).as("%s · %s: %s", operation, check, c.message()).isEqualTo(OutcomeStatus.PASSED.name());
    }

    /** The checks that failed anywhere. */
    static List<String> failed(ResultsFile results) {
        return results.cells().stream().filter(c -> c.status().equals(OutcomeStatus.FAILED.name()))
                .map(c -> c.operation() + " · " + c.check()).toList();
    }

    @Override
    public void close() {
        mock.close();
    }
}
