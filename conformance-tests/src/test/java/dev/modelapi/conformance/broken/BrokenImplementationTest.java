package dev.modelapi.conformance.broken;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.config.Transport;
import dev.modelapi.conformance.report.ResultsFile;
import dev.modelapi.mock.ModelApiMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.modelapi.conformance.broken.BrokenTarget.assertFailed;
import static dev.modelapi.conformance.broken.BrokenTarget.assertPassed;
import static dev.modelapi.conformance.broken.ScriptedProgressServer.frame;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite against deliberately broken implementations: the mock with one wrong behaviour injected at WireMock
 * priority 1 (a plain stub's body is served as the logical answer, framed for framed requests, after the mock's own
 * authentication and request validation; {@code role: passthrough} serves it raw). Each test asserts that the check
 * made for that kind of defect fails, at the operation concerned, and says why.
 */
class BrokenImplementationTest {

    private static final Set<CheckId> ALL = EnumSet.noneOf(CheckId.class);

    private static ResponseDefinitionBuilder raw(ResponseDefinitionBuilder response) {
        return response.withTransformerParameter("modelapi", Map.of("role", "passthrough"));
    }

    private static String decthings(String method) {
        return "/v0/Model/" + method;
    }

    @Test
    void missingRequiredFieldFailsResponseSchema(@TempDir Path dir) {
        try (BrokenTarget target = BrokenTarget.start()) {
            target.wireMock().stubFor(post(urlPathEqualTo(decthings("snapshotModel"))).atPriority(1)
                    .willReturn(okJson("{\"result\": {}}")));
            ResultsFile r = target.runDecthings(dir, Transport.BINARY, BrokenTarget.KEY, ALL);
            assertFailed(r, "snapshotModel", CheckId.RESPONSE_SCHEMA, "snapshotId");
            assertPassed(r, "snapshotModel", CheckId.ENVELOPE);
            assertPassed(r, "getModels", CheckId.RESPONSE_SCHEMA);
        }
    }

    @Test
    void codeOutsideTheUnionFailsErrorUnion(@TempDir Path dir) {
        try (BrokenTarget target = BrokenTarget.start()) {
            target.wireMock().stubFor(post(urlPathEqualTo(decthings("deleteSnapshot"))).atPriority(1)
                    .willReturn(okJson("{\"error\": {\"code\": \"dataset_not_found\", \"datasetId\": \"d-1\"}}")));
            ResultsFile r = target.runDecthings(dir, Transport.JSON, BrokenTarget.KEY, ALL);
            assertFailed(r, "deleteSnapshot", CheckId.ERROR_UNION, "error code 'dataset_not_found' is not in deleteSnapshot's union");
            assertPassed(r, "deleteSnapshot", CheckId.ENVELOPE);
            assertPassed(r, "deleteModel", CheckId.ERROR_UNION);
        }
    }

    @Test
    void wrongContentTypeFailsContentType(@TempDir Path dir) {
        try (BrokenTarget target = BrokenTarget.start()) {
            target.wireMock().stubFor(post(urlPathEqualTo(decthings("getFilesystemUsage"))).atPriority(1)
                    .willReturn(raw(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                            .withBody("<html><body>Down for maintenance</body></html>"))));
            ResultsFile r = target.runDecthings(dir, Transport.BINARY, BrokenTarget.KEY, ALL);
            assertFailed(r, "getFilesystemUsage", CheckId.CONTENT_TYPE, "Content-Type text/html is not declared for status 200");
            assertPassed(r, "getFilesystemUsage", CheckId.STATUS_CODE);
            assertPassed(r, "getModels", CheckId.CONTENT_TYPE);
        }
    }

    @Test
    void framedRequestAnsweredWithJsonFailsContentTypeAndBinaryFraming(@TempDir Path dir) {
        try (BrokenTarget target = BrokenTarget.start()) {
            target.wireMock().stubFor(post(urlPathEqualTo(decthings("getCreatingStates"))).atPriority(1)
                    .willReturn(raw(okJson("{\"result\": {\"states\": []}}"))));
            ResultsFile r = target.runDecthings(dir, Transport.BINARY, BrokenTarget.KEY,
                    EnumSet.of(CheckId.CONTENT_TYPE, CheckId.BINARY_FRAMING, CheckId.RESPONSE_SCHEMA));
            assertFailed(r, "getCreatingStates", CheckId.CONTENT_TYPE, "request was answered with application/json");
            assertFailed(r, "getCreatingStates", CheckId.BINARY_FRAMING, "not answered in the framing");
            assertPassed(r, "getCreatingStates", CheckId.RESPONSE_SCHEMA);
        }
    }

    @Test
    void undeclared500FailsStatusCode(@TempDir Path dir) {
        try (BrokenTarget target = BrokenTarget.start()) {
            // GET /model/{model} declares 200 and 410 only
            target.wireMock().stubFor(get(urlPathMatching("/model/[^/]+")).atPriority(1)
                    .willReturn(raw(aResponse().withStatus(500).withHeader("Content-Type", "text/plain")
                            .withBody("NullPointerException"))));
            ResultsFile r = target.runPieces(dir, target.piecesUrl(),
                    EnumSet.of(CheckId.STATUS_CODE, CheckId.NOT_A_SERVER_ERROR, CheckId.CONTENT_TYPE));
            assertFailed(r, "modelsSpecificModelSnapshot", CheckId.STATUS_CODE, "undeclared status 500");
            assertFailed(r, "modelsSpecificModelSnapshot", CheckId.NOT_A_SERVER_ERROR, "server error 500");
            assertPassed(r, "modelsSnapshot", CheckId.STATUS_CODE);
        }
    }

    @Test
    void declared500IsStillAServerError(@TempDir Path dir) {
        try (BrokenTarget target = BrokenTarget.start()) {
            // every Decthings method declares 500 ("failed for some internal reason"): not a status-code defect
            target.wireMock().stubFor(post(urlPathEqualTo(decthings("getTrainingSysinfo"))).atPriority(1)
                    .willReturn(raw(aResponse().withStatus(500))));
            ResultsFile r = target.runDecthings(dir, Transport.BINARY, BrokenTarget.KEY,
                    EnumSet.of(CheckId.STATUS_CODE, CheckId.NOT_A_SERVER_ERROR));
            assertFailed(r, "getTrainingSysinfo", CheckId.NOT_A_SERVER_ERROR, "server error 500");
            assertPassed(r, "getTrainingSysinfo", CheckId.STATUS_CODE);
        }
    }

    @Test
    void wrongTypeFailsResponseSchema(@TempDir Path dir) {
        try (BrokenTarget target = BrokenTarget.start()) {
            target.wireMock().stubFor(post(urlPathEqualTo(decthings("getCreatingStates"))).atPriority(1)
                    .willReturn(okJson("{\"result\": {\"states\": \"none\"}}")));
            ResultsFile r = target.runDecthings(dir, Transport.JSON, BrokenTarget.KEY, ALL);
            ResultsFile.Cell c = assertFailed(r, "getCreatingStates", CheckId.RESPONSE_SCHEMA, "states");
            assertThat(c.message()).contains("array");
        }
    }

    @Test
    void wrongBlobFailsBinaryFraming(@TempDir Path dir) {
        try (BrokenTarget target = BrokenTarget.start()) {
            // the state's keys come back, each with the same 3 bytes instead of what was uploaded
            target.wireMock().stubFor(post(urlPathEqualTo(decthings("getModelState"))).atPriority(1)
                    .willReturn(okJson("{\"result\": {\"data\": ["
                            + "{\"key\": \"conformance-small.bin\", \"data\": \"AAAA\"},"
                            + "{\"key\": \"conformance-large.bin\", \"data\": \"AAAA\"},"
                            + "{\"key\": \"conformance-empty.bin\", \"data\": \"AAAA\"}]}}")));
            ResultsFile r = target.runDecthings(dir, Transport.BINARY, BrokenTarget.KEY, ALL);
            assertFailed(r, "getModelState", CheckId.BINARY_FRAMING, "blob 'conformance-large.bin' did not round-trip");
            assertPassed(r, "uploadState", CheckId.BINARY_FRAMING);
            assertPassed(r, "getModelState", CheckId.RESPONSE_SCHEMA);
        }
    }

    @Test
    void modelStillListedAfterDeleteFailsStateful(@TempDir Path dir) {
        try (BrokenTarget target = BrokenTarget.start()) {
            // "deleted", but nothing is deleted
            target.wireMock().stubFor(post(urlPathEqualTo(decthings("deleteModel"))).atPriority(1)
                    .willReturn(okJson("{\"result\": {}}")));
            ResultsFile r = target.runDecthings(dir, Transport.BINARY, BrokenTarget.KEY, ALL);
            ResultsFile.Cell c = assertFailed(r, "deleteModel", CheckId.STATEFUL, "still listed");
            assertThat(c.message()).contains("use-after-delete");
            assertPassed(r, "createModel", CheckId.STATEFUL);
            assertPassed(r, "updateModel", CheckId.STATEFUL);
            assertPassed(r, "deleteModel", CheckId.RESPONSE_SCHEMA);
        }
    }

    @Test
    void progressStreamOutOfOrderFailsWsProgress(@TempDir Path dir) throws Exception {
        ScriptedProgressServer ws = new ScriptedProgressServer(List.of(
                frame("IN-PROGRESS", 50.0), frame("INITIALIZED", null), frame("IN-PROGRESS", 20.0),
                frame("COMPLETED", null)));
        ws.startAndWait();
        try (BrokenTarget target = BrokenTarget.start();
             UpgradeRouter router = new UpgradeRouter(target.mock().port(), ws.getPort())) {
            ResultsFile r = target.runPieces(dir, URI.create("http://127.0.0.1:" + router.port()),
                    EnumSet.of(CheckId.WS_PROGRESS));
            ResultsFile.Cell c = assertFailed(r, "modelSpecificModelDownloadProgress", CheckId.WS_PROGRESS,
                    "IN-PROGRESS before INITIALIZED (out of order)");
            assertThat(c.message()).contains("percentage decreased from 50.0 to 20.0");
        } finally {
            ws.stop(1000);
        }
    }

    @Test
    void deploymentIgnoringCredentialsFailsAuth(@TempDir Path dir) {
        // a deployment that requires no key, although the user says it does (--api-key)
        try (BrokenTarget target = BrokenTarget.start(ModelApiMock.builder().seed(3))) {
            ResultsFile r = target.runDecthings(dir, Transport.BINARY, "a-key-it-should-check",
                    EnumSet.of(CheckId.AUTH));
            assertFailed(r, "getFilesystemUsage", CheckId.AUTH, "without a key was not refused with bad_credentials");
            assertPassed(r, "getModels", CheckId.AUTH);
        }
    }

    @Test
    void acceptingInvalidInputFailsNegativeData(@TempDir Path dir) {
        try (BrokenTarget target = BrokenTarget.start()) {
            target.wireMock().stubFor(post(urlPathEqualTo(decthings("getEvaluations"))).atPriority(1)
                    .willReturn(raw(okJson("{\"result\": {\"evaluations\": []}}"))));
            ResultsFile r = target.runDecthings(dir, Transport.JSON, BrokenTarget.KEY,
                    EnumSet.of(CheckId.NEGATIVE_DATA, CheckId.POSITIVE_DATA));
            assertFailed(r, "getEvaluations", CheckId.NEGATIVE_DATA, "not rejected with invalid_parameter");
            assertPassed(r, "getModels", CheckId.NEGATIVE_DATA);
        }
    }

    @Test
    void rejectingValidInputFailsPositiveData(@TempDir Path dir) {
        try (BrokenTarget target = BrokenTarget.start()) {
            target.wireMock().stubFor(post(urlPathEqualTo(decthings("getModels"))).atPriority(1)
                    .willReturn(okJson("{\"error\": {\"code\": \"invalid_parameter\", \"parameterName\": \"limit\","
                            + " \"reason\": \"Expected a non-negative integer\"}}")));
            ResultsFile r = target.runDecthings(dir, Transport.JSON, BrokenTarget.KEY,
                    EnumSet.of(CheckId.POSITIVE_DATA));
            assertFailed(r, "getModels", CheckId.POSITIVE_DATA, "a valid request was rejected as invalid");
            assertPassed(r, "getFilesystemUsage", CheckId.POSITIVE_DATA);
        }
    }

    @Test
    void offByOneBoundFailsPositiveData(@TempDir Path dir) {
        try (BrokenTarget target = BrokenTarget.start()) {
            // "limit: minimum 0" implemented as "at least 1": only a request at the exact bound shows it
            target.wireMock().stubFor(post(urlPathEqualTo(decthings("getModels"))).atPriority(1)
                    .withRequestBody(matchingJsonPath("$[?(@.limit == 0)]"))
                    .willReturn(okJson("{\"error\": {\"code\": \"invalid_parameter\", \"parameterName\": \"limit\","
                            + " \"reason\": \"Expected a positive integer\"}}")));
            ResultsFile r = target.runDecthings(dir, Transport.JSON, BrokenTarget.KEY,
                    EnumSet.of(CheckId.POSITIVE_DATA));
            assertFailed(r, "getModels", CheckId.POSITIVE_DATA, "the least value allowed for limit");
            assertPassed(r, "getFilesystemUsage", CheckId.POSITIVE_DATA);
        }
    }

    @Test
    void bothResultAndErrorFailsEnvelope(@TempDir Path dir) {
        try (BrokenTarget target = BrokenTarget.start()) {
            target.wireMock().stubFor(post(urlPathEqualTo(decthings("getTrainingMetrics"))).atPriority(1)
                    .willReturn(okJson("{\"result\": {\"metrics\": []}, \"error\": {\"code\": \"unknown\"}}")));
            ResultsFile r = target.runDecthings(dir, Transport.JSON, BrokenTarget.KEY,
                    EnumSet.of(CheckId.ENVELOPE));
            assertFailed(r, "getTrainingMetrics", CheckId.ENVELOPE, "both result and error");
        }
    }

    @Test
    void rateLimitedDeploymentIsRetriedNotFailed(@TempDir Path dir) {
        try (BrokenTarget target = BrokenTarget.start(ModelApiMock.builder().seed(5).apiKey(BrokenTarget.KEY)
                .rateLimitPerSecond(25))) {
            ResultsFile r = target.runDecthings(dir, Transport.BINARY, BrokenTarget.KEY,
                    EnumSet.of(CheckId.POSITIVE_DATA, CheckId.ERROR_UNION));
            assertThat(BrokenTarget.failed(r)).isEmpty();
            assertThat(r.summary().passed()).isGreaterThan(30);

            // the limit was hit, and every busy answer was followed by the same request answered for real
            List<ServeEvent> events = new ArrayList<>(target.wireMock().getAllServeEvents());
            events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
            List<Integer> busy = IntStream.range(0, events.size()).filter(i -> isBusy(events.get(i))).boxed().toList();
            assertThat(busy).as("requests answered too_many_requests").isNotEmpty();
            for (int i : busy) {
                ServeEvent first = events.get(i);
                assertThat(events.subList(i + 1, events.size())).as("a retry of " + first.getRequest().getUrl())
                        .anySatisfy(later -> {
                            assertThat(later.getRequest().getUrl()).isEqualTo(first.getRequest().getUrl());
                            assertThat(later.getRequest().getBody()).isEqualTo(first.getRequest().getBody());
                        });
            }
        }
    }

    private static boolean isBusy(ServeEvent e) {
        byte[] body = e.getResponse().getBody();
        return body != null && new String(body, StandardCharsets.ISO_8859_1).contains("too_many_requests");
    }
}
