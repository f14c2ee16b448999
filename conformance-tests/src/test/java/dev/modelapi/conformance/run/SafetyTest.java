package dev.modelapi.conformance.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.cli.ConformanceLauncher;
import dev.modelapi.conformance.config.ConformanceConfig;
import dev.modelapi.conformance.config.Transport;
import dev.modelapi.conformance.http.Backoff;
import dev.modelapi.conformance.http.Call;
import dev.modelapi.conformance.http.DecthingsCaller;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.http.ExchangeLog;
import dev.modelapi.conformance.http.HttpSender;
import dev.modelapi.conformance.http.Intent;
import dev.modelapi.conformance.http.PiecesCaller;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.SpecCatalog;
import dev.modelapi.mock.ModelApiMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Safe against real deployments: the suite leaves a deployment as it found it (what it created is deleted, what it
 * did not create is untouched), {@code --read-only} sends only requests that change nothing, and an interrupted run
 * cleans up from its shutdown hook.
 */
class SafetyTest {

    private static final String KEY = "safety-key";

    private static ModelApiMock mock() {
        return ModelApiMock.builder().port(0).seed(21).apiKey(KEY).build().start();
    }

    private static ConformanceConfig config(ModelApiMock mock, Path dir, boolean readOnly) {
        return new ConformanceConfig(URI.create(mock.decthingsBaseUrl()), URI.create(mock.piecesBaseUrl()), KEY, null,
                Transport.BINARY, readOnly, Set.of(), Set.of(), dir, 9, Duration.ofSeconds(20));
    }

    @Test
    void aFullRunLeavesTheDeploymentAsItFoundIt(@TempDir Path dir) {
        try (ModelApiMock mock = mock()) {
            Set<String> decthingsBefore = decthingsModels(mock);
            Set<String> piecesBefore = piecesModels(mock);
            assertThat(decthingsBefore).as("the mock's seeded models").isNotEmpty();
            ConformanceLauncher.run(config(mock, dir, false));
            assertThat(decthingsModels(mock)).isEqualTo(decthingsBefore);
            assertThat(piecesModels(mock)).isEqualTo(piecesBefore);
            // nothing the suite did not create was named in a request that changes state
            for (ServeEvent e : mock.wireMock().getAllServeEvents()) {
                String body = e.getRequest().getBodyAsString();
                String url = e.getRequest().getUrl();
                if (url.startsWith("/v0/Model/") && !url.contains("/get") && !url.contains("/waitFor")) {
                    for (String seeded : decthingsBefore) {
                        assertThat(body).as("%s must not name seeded model %s", url, seeded).doesNotContain(seeded);
                    }
                }
                if (!url.startsWith("/v0") && !e.getRequest().getMethod().getName().equals("GET")
                        && !e.getRequest().getMethod().getName().equals("HEAD")) {
                    for (String seeded : piecesBefore) {
                        assertThat(url + " " + body).as("Pieces %s must not name seeded model", url)
                                .doesNotContain(seeded);
                    }
                }
            }
        }
    }

    @Test
    void readOnlySendsOnlyRequestsThatChangeNothing(@TempDir Path dir) {
        try (ModelApiMock mock = mock()) {
            ConformanceLauncher.run(config(mock, dir, true));
            assertThat(mock.wireMock().getAllServeEvents()).isNotEmpty().allSatisfy(e -> {
                String url = e.getRequest().getUrl();
                String method = e.getRequest().getMethod().getName();
                if (url.startsWith("/v0/")) {
                    assertThat(url).matches("/v0/Model/(get|waitFor).*");
                } else {
                    assertThat(method).as(url).isIn("GET", "HEAD");
                }
            });
        }
    }

    @Test
    void anInterruptedRunDeletesWhatItCreated(@TempDir Path dir) {
        try (ModelApiMock mock = mock()) {
            Set<String> before = decthingsModels(mock);
            ConformanceRun run = ConformanceRun.start(config(mock, dir, false));
            String created = run.fixtures().decthingsModel();
            String pieces = run.fixtures().piecesModel();
            assertThat(decthingsModels(mock)).contains(created);
            assertThat(piecesModels(mock)).contains(pieces);
            run.onShutdown();
            assertThat(decthingsModels(mock)).isEqualTo(before);
            assertThat(piecesModels(mock)).doesNotContain(pieces);
            run.close();
        }
    }

    static Set<String> decthingsModels(ModelApiMock mock) {
        DecthingsCaller caller = new DecthingsCaller(URI.create(mock.decthingsBaseUrl()), KEY, "x", Transport.JSON,
                new HttpSender(Duration.ofSeconds(10)), new ExchangeLog(), Backoff.standard());
        ObjectNode all = JsonNodeFactory.instance.objectNode().put("limit", 10_000);
        Exchange e = caller.call(SpecCatalog.of(Api.DECTHINGS).operation("getModels"), all, Call.of(Intent.FLOW, "list"));
        Set<String> ids = new TreeSet<>();
        e.result().get("models").forEach(m -> ids.add(m.get("id").asText()));
        return ids;
    }

    static Set<String> piecesModels(ModelApiMock mock) {
        PiecesCaller caller = new PiecesCaller(URI.create(mock.piecesBaseUrl()), null,
                new HttpSender(Duration.ofSeconds(10)), new ExchangeLog(), Backoff.standard());
        Exchange e = caller.call(SpecCatalog.of(Api.PIECES).operation("modelsSnapshot"), Map.of(), null,
                Call.of(Intent.FLOW, "list"));
        Set<String> ids = new TreeSet<>();
        for (JsonNode m : e.responseJson().get("iterable")) {
            ids.add(m.get("id").asText());
        }
        return ids;
    }
}
