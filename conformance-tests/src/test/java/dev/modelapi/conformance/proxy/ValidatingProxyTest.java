package dev.modelapi.conformance.proxy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.modelapi.decthings.client.DecthingsClient;
import dev.modelapi.decthings.client.Transport;
import dev.modelapi.decthings.client.model.CreateModelCodeOptions;
import dev.modelapi.decthings.client.model.CreateModelRequest;
import dev.modelapi.decthings.client.model.DecthingsParameterProvider;
import dev.modelapi.decthings.client.model.DecthingsParameterProviderInline;
import dev.modelapi.decthings.client.model.EvaluateRequest;
import dev.modelapi.decthings.client.model.GetModelsFilter;
import dev.modelapi.decthings.client.model.GetModelsRequest;
import dev.modelapi.decthings.client.model.ModelLanguage;
import dev.modelapi.decthings.client.model.SetImageRequest;
import dev.modelapi.decthings.client.tensor.DecthingsTensor;
import dev.modelapi.mock.ModelApiMock;
import dev.modelapi.pieces.client.PiecesClient;
import dev.modelapi.pieces.client.model.ModelDownloadProgress;
import dev.modelapi.pieces.client.model.ModelDownloadProgressStatusEnum;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The proxy on loopback: the kit's SDK through it to the mock (no violation), and through it to upstreams broken on
 * purpose (each defect reported once, with its operation and rule), plus the upstream failures and the report.
 */
class ValidatingProxyTest {

    private static final String KEY = "secret-key-7f3a";
    private static final String PHI3 = "9f4e2b18-7a6c-4d3f-95e0-1b8c4a7d2e66";

    static ModelApiMock mock;
    static WireMockServer broken;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final HttpClient HTTP_1_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void upstreams() {
        mock = ModelApiMock.builder().apiKey(KEY).downloadTick(Duration.ofMillis(10)).build().start();
        broken = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        broken.start();
        // Decthings: getModels answers total as a string; deleteModel answers an error code of another method
        broken.stubFor(post(urlPathEqualTo("/v0/Model/getModels")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"result\":{\"models\":[],\"total\":\"none\",\"offset\":0,\"limit\":20}}")));
        broken.stubFor(post(urlPathEqualTo("/v0/Model/deleteModel")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"snapshot_not_found\"}}")));
        // Pieces: GET /models answers HTML; load answers an undeclared status
        broken.stubFor(get(urlPathEqualTo("/models")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>models</html>")));
        broken.stubFor(post(urlPathEqualTo("/model/" + PHI3 + "/load")).willReturn(aResponse().withStatus(418)));
        broken.stubFor(get(urlPathEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
    }

    @AfterAll
    static void stop() {
        mock.close();
        broken.stop();
    }

    private static ValidatingProxy.Builder toMock(List<String> logLines) {
        return ValidatingProxy.builder().decthingsUpstream(URI.create(mock.decthingsBaseUrl()))
                .piecesUpstream(URI.create(mock.piecesBaseUrl())).logTo(logLines::add);
    }

    private static ValidatingProxy.Builder toBroken(List<String> logLines) {
        return ValidatingProxy.builder().decthingsUpstream(URI.create(broken.baseUrl() + "/v0"))
                .piecesUpstream(URI.create(broken.baseUrl())).logTo(logLines::add);
    }

    @Test
    void theSdksFlowsThroughTheProxyToTheMockBreakNothing() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (ValidatingProxy proxy = toMock(lines).start()) {
            for (Transport transport : Transport.values()) {
                DecthingsClient decthings = DecthingsClient.builder().baseUrl(proxy.decthingsUrl().toString())
                        .apiKey(KEY).transport(transport).timeout(Duration.ofSeconds(20)).build();
                String modelId = decthings.model().createModel(new CreateModelRequest().name("proxied-" + transport)
                        .description("through the proxy")
                        .options(new CreateModelCodeOptions().type("code").language(ModelLanguage.PYTHON)))
                        .getResult().getModelId();
                assertThat(decthings.model().setImage(new SetImageRequest().modelId(modelId).domain("docker.io")
                        .repository("library/python").reference("3.11-slim")).getError()).isNull();
                var mnist = decthings.model().getModels(new GetModelsRequest()
                        .filter(new GetModelsFilter().addNamesItem("mnist-digit-classifier"))).getResult();
                assertThat(mnist.getModels()).hasSize(1);
                // a framed request with a tensor blob, answered with tensors (or a declared error)
                var evaluated = decthings.model().evaluate(new EvaluateRequest()
                        .modelId(mnist.getModels().get(0).getId())
                        .addParamsItem(new DecthingsParameterProvider().name("image")
                                .data(new DecthingsParameterProviderInline().type("data")
                                        .addDataItem(DecthingsTensor.f32(new float[28 * 28], 28, 28).serialize()))));
                assertThat(evaluated.getResult() != null || evaluated.getError() != null).isTrue();
                assertThat(decthings.model().getModels(new GetModelsRequest()).getResult().getTotal()).isPositive();
            }
            PiecesClient pieces = PiecesClient.builder().baseUrl(proxy.piecesUrl().toString())
                    .timeout(Duration.ofSeconds(20)).build();
            assertThat(pieces.models().modelsSnapshot().getIterable()).isNotEmpty();
            assertThat(pieces.model().modelsSpecificModelSnapshot(PHI3).getId()).isEqualTo(PHI3);
            // a declared Pieces error (500 text/plain for an unknown model) is no violation
            assertThatThrownBy(() -> pieces.model().modelSpecificModelLoad("no-such-model"))
                    .isInstanceOf(dev.modelapi.pieces.client.invoker.ApiException.class);

            assertThat(proxy.violations()).as(String.join("\n", lines)).isEmpty();
            assertThat(lines).isEmpty();
            assertThat(proxy.log().exchanges()).isGreaterThanOrEqualTo(13);
            var results = proxy.log().results();
            assertThat(results.summary().failed()).isZero();
            assertThat(results.cells()).anySatisfy(c -> {
                assertThat(c.operation()).isEqualTo("evaluate");
                assertThat(c.check()).isEqualTo("binary-framing");
                assertThat(c.status()).isEqualTo("PASSED");
            });
            proxy.assertNoViolations();
        }
    }

    @Test
    void theProgressSocketIsRelayedFrameByFrameAndJudged() throws Exception {
        String llama = PHI3;
        List<String> lines = new CopyOnWriteArrayList<>();
        try (ValidatingProxy proxy = toMock(lines).start()) {
            PiecesClient pieces = PiecesClient.builder().baseUrl(proxy.piecesUrl().toString())
                    .timeout(Duration.ofSeconds(20)).build();
            List<ModelDownloadProgress> frames = new CopyOnWriteArrayList<>();
            var done = pieces.downloadProgress(llama, frames::add);
            for (int i = 0; i < 500 && mock.downloads().subscriberCount(llama) == 0; i++) {
                Thread.sleep(10);
            }
            assertThat(mock.downloads().subscriberCount(llama)).as("the relay's upstream socket").isPositive();
            pieces.model().modelSpecificModelDownload(llama);
            ModelDownloadProgress last = done.get(60, TimeUnit.SECONDS);

            assertThat(last.getStatus()).isEqualTo(ModelDownloadProgressStatusEnum.COMPLETED);
            assertThat(frames.get(0).getStatus()).isEqualTo(ModelDownloadProgressStatusEnum.INITIALIZED);
            assertThat(proxy.violations()).as(String.join("\n", lines)).isEmpty();
            assertThat(proxy.log().results().cells()).anySatisfy(c -> {
                assertThat(c.operation()).isEqualTo("modelSpecificModelDownloadProgress");
                assertThat(c.check()).isEqualTo("ws-progress");
                assertThat(c.status()).isEqualTo("PASSED");
            });
        }
    }

    @Test
    void aProgressStreamThatGoesBackwardsIsReportedOnce() throws Exception {
        List<String> script = List.of("{\"status\":\"INITIALIZED\"}", "{\"status\":\"IN-PROGRESS\",\"percentage\":50}",
                "{\"status\":\"IN-PROGRESS\",\"percentage\":40}", "{\"status\":\"COMPLETED\",\"percentage\":100}");
        org.java_websocket.server.WebSocketServer scripted = new org.java_websocket.server.WebSocketServer(
                new java.net.InetSocketAddress("localhost", 0)) {
            @Override
            public void onOpen(org.java_websocket.WebSocket conn, org.java_websocket.handshake.ClientHandshake hs) {
                script.forEach(conn::send);
                conn.close(1000, "done");
            }

            @Override
            public void onClose(org.java_websocket.WebSocket conn, int code, String reason, boolean remote) {
            }

            @Override
            public void onMessage(org.java_websocket.WebSocket conn, String message) {
            }

            @Override
            public void onError(org.java_websocket.WebSocket conn, Exception ex) {
            }

            @Override
            public void onStart() {
            }
        };
        scripted.setReuseAddr(true);
        scripted.start();
        try {
            for (int i = 0; i < 500 && scripted.getPort() == 0; i++) {
                Thread.sleep(10);
            }
            try (ValidatingProxy proxy = ValidatingProxy.builder()
                    .piecesUpstream(URI.create("http://localhost:" + scripted.getPort())).logTo(l -> { }).start()) {
                List<ModelDownloadProgress> frames = new CopyOnWriteArrayList<>();
                PiecesClient pieces = PiecesClient.builder().baseUrl(proxy.piecesUrl().toString()).build();
                pieces.downloadProgress(PHI3, frames::add).get(30, TimeUnit.SECONDS);

                assertThat(frames).as("relayed unchanged").hasSize(4);
                assertReportedOnce(proxy, "modelSpecificModelDownloadProgress", "ws-progress");
                assertThat(proxy.violations().get(0).problem()).contains("percentage decreased from 50.0 to 40.0");
            }
        } finally {
            scripted.stop(1000);
        }
    }

    @Test
    void eachDefectOfABrokenUpstreamIsReportedOnceWithItsOperationAndRule() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (ValidatingProxy proxy = toBroken(lines).start()) {
            HttpResponse<String> models = send(proxy, "POST", "/v0/Model/getModels", "{}");
            send(proxy, "POST", "/v0/Model/deleteModel", "{\"modelId\":\"m-1\"}");
            send(proxy, "GET", "/models", null);
            send(proxy, "POST", "/model/" + PHI3 + "/load", null);

            assertThat(models.statusCode()).as("passed through").isEqualTo(200);
            assertThat(models.headers().firstValue(ValidatingTransformer.HEADER)).hasValueSatisfying(h ->
                    assertThat(h).contains("\"operation\":\"getModels\"").contains("\"rule\":\"response-schema\""));
            assertReportedOnce(proxy, "getModels", "response-schema");
            assertReportedOnce(proxy, "deleteModel", "error-union");
            assertReportedOnce(proxy, "modelsSnapshot", "content-type");
            assertReportedOnce(proxy, "modelSpecificModelLoad", "status-code");
            assertThat(proxy.violations()).extracting(Violation::operation).containsOnly("getModels",
                    "deleteModel", "modelsSnapshot", "modelSpecificModelLoad");
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("VIOLATION decthings getModels response-schema"));
            assertThatThrownBy(proxy::assertNoViolations).hasMessageContaining("contract violation");

            var results = proxy.log().results();
            assertThat(results.cells()).anySatisfy(c -> {
                assertThat(c.operation()).isEqualTo("getModels");
                assertThat(c.check()).isEqualTo("response-schema");
                assertThat(c.status()).isEqualTo("FAILED");
            });
            assertThat(results.neverExercised()).contains("decthings.createModel").doesNotContain("pieces.modelsSnapshot");
        }
    }

    @Test
    void aRepeatedBrokenExchangeIsReportedEachTimeAndAsWithoutTheMemo() throws Exception {
        List<List<Violation>> seen = new ArrayList<>();
        for (boolean remember : new boolean[] {true, false}) {
            try (ValidatingProxy proxy = toBroken(new CopyOnWriteArrayList<>()).rememberVerdicts(remember).start()) {
                for (int i = 0; i < 2; i++) {
                    HttpResponse<String> models = send(proxy, "POST", "/v0/Model/getModels", "{}");
                    assertThat(models.headers().firstValue(ValidatingTransformer.HEADER)).as("answer %d", i)
                            .hasValueSatisfying(h -> assertThat(h).contains("\"rule\":\"response-schema\""));
                    send(proxy, "GET", "/models", null);
                }
                assertThat(proxy.log().exchanges()).isEqualTo(4);
                assertThat(proxy.violations()).filteredOn(v -> v.operation().equals("getModels")).hasSize(2);
                assertThat(proxy.violations()).filteredOn(v -> v.operation().equals("modelsSnapshot")).hasSize(2);
                seen.add(proxy.violations());
            }
        }
        assertThat(seen.get(0)).as("with the memo as without").isEqualTo(seen.get(1));
    }

    @Test
    void inStrictModeABrokenAnswerBecomesA502WithTheViolations() throws Exception {
        try (ValidatingProxy proxy = toBroken(new CopyOnWriteArrayList<>()).failOnInvalidAnswer(true).start()) {
            HttpResponse<String> answer = send(proxy, "POST", "/v0/Model/getModels", "{}");
            assertThat(answer.statusCode()).isEqualTo(502);
            assertThat(answer.headers().firstValue(GatewayErrors.HEADER)).hasValue("invalid-answer");
            assertThat(answer.body()).contains("\"code\":\"proxy_invalid_answer\"").contains("response-schema");

            HttpResponse<String> pieces = send(proxy, "GET", "/models", null);
            assertThat(pieces.statusCode()).isEqualTo(502);
            assertThat(pieces.headers().firstValue("Content-Type")).hasValueSatisfying(ct ->
                    assertThat(ct).startsWith("text/plain"));
        }
    }

    @Test
    void aRequestThatBreaksTheSpecIsReportedAndStillForwarded() throws Exception {
        try (ValidatingProxy proxy = toMock(new CopyOnWriteArrayList<>()).start()) {
            HttpResponse<String> answer = send(proxy, "POST", "/v0/Model/createModel", "{\"name\": 42}");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("invalid_parameter");
            assertThat(proxy.violations()).anySatisfy(v -> {
                assertThat(v.operation()).isEqualTo("createModel");
                assertThat(v.rule()).isEqualTo("request");
            });
            assertThat(proxy.violations()).noneMatch(v -> !v.rule().equals("request"));
        }
    }

    @Test
    void anUpstreamThatRefusesIsAGatewayErrorInTheApisShape() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (ValidatingProxy proxy = ValidatingProxy.builder()
                .decthingsUpstream(URI.create("http://localhost:" + closed + "/v0"))
                .logTo(l -> { }).start()) {
            HttpResponse<String> answer = send(proxy, "POST", "/v0/Model/getModels", "{}");
            assertThat(answer.statusCode()).isEqualTo(502);
            assertThat(answer.headers().firstValue(GatewayErrors.HEADER)).hasValue("upstream-refused");
            assertThat(answer.body()).startsWith("{\"error\":{\"code\":\"proxy_upstream_refused\"");
            assertThat(proxy.violations()).extracting(Violation::rule).containsExactly("upstream-refused");

            HttpResponse<String> pieces = send(proxy, "GET", "/models", null);
            assertThat(pieces.statusCode()).isEqualTo(502);
            assertThat(pieces.headers().firstValue(GatewayErrors.HEADER)).hasValue("no-upstream");
        }
    }

    @Test
    void aSlowUpstreamIsA504NotAHang() throws Exception {
        try (ValidatingProxy proxy = toBroken(new CopyOnWriteArrayList<>()).upstreamTimeout(Duration.ofMillis(300))
                .start()) {
            HttpResponse<String> answer = send(proxy, "GET", "/slow", null);
            assertThat(answer.statusCode()).isEqualTo(504);
            assertThat(answer.headers().firstValue(GatewayErrors.HEADER)).hasValue("upstream-timeout");
        }
    }

    @Test
    void aBodyOverTheCapIsRefusedBeforeItIsForwarded() throws Exception {
        try (ValidatingProxy proxy = toMock(new CopyOnWriteArrayList<>()).maxBodyBytes(100).start()) {
            HttpResponse<String> answer = send(proxy, "POST", "/v0/Model/createModel",
                    "{\"name\":\"" + "x".repeat(500) + "\"}");
            assertThat(answer.statusCode()).isEqualTo(413);
            assertThat(answer.body()).contains("proxy_body_too_large");

            // chunked (no Content-Length): read up to the cap, then refused, or forwarded from the buffer
            HttpResponse<String> chunked = sendChunked(proxy, "{\"name\":\"" + "y".repeat(500) + "\"}");
            assertThat(chunked.statusCode()).isEqualTo(413);
            HttpResponse<String> small = sendChunked(proxy, "{}");
            assertThat(small.statusCode()).isEqualTo(200);
            assertThat(small.body()).contains("invalid_parameter");
        }
    }

    @Test
    void theReportIsOnDemandInJsonJunitAndHtmlAndHoldsNoSecret() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (ValidatingProxy proxy = toBroken(lines).start()) {
            send(proxy, "POST", "/v0/Model/getModels", "{}");
            send(proxy, "GET", "/models", null);

            HttpResponse<String> json = send(proxy, "GET", "/__admin/modelapi/violations", null);
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(json.body()).contains("\"exchanges\" : 2").contains("\"rule\" : \"response-schema\"");
            assertThat(proxy.log().judgingTime().exchanges()).isEqualTo(2);
            assertThat(proxy.log().judgingTime().maxMicros()).isPositive();
            HttpResponse<String> junit = send(proxy, "GET", "/__admin/modelapi/violations?format=junit&api=pieces", null);
            assertThat(junit.body()).startsWith("<?xml").contains("classname=\"pieces.modelsSnapshot\"")
                    .contains("<failure");
            HttpResponse<String> html = send(proxy, "GET", "/__admin/modelapi/violations?format=html", null);
            assertThat(html.body()).contains("<table").contains("getModels");
            for (String text : List.of(json.body(), junit.body(), html.body(), String.join("\n", lines),
                    proxy.log().violationsJson())) {
                assertThat(text).doesNotContain(KEY);
            }
            assertThat(send(proxy, "GET", "/__admin/requests", null).body()).doesNotContain(KEY);

            send(proxy, "DELETE", "/__admin/modelapi/violations", null);
            assertThat(proxy.violations()).isEmpty();
            assertThat(proxy.log().judgingTime().exchanges()).isZero();
        }
    }

    private static void assertReportedOnce(ValidatingProxy proxy, String operation, String rule) {
        assertThat(proxy.violations().stream().filter(v -> v.operation().equals(operation) && v.rule().equals(rule)))
                .as(operation + " " + rule + " in " + proxy.violations()).hasSize(1);
    }

    private static HttpResponse<String> sendChunked(ValidatingProxy proxy, String body) throws Exception {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // HTTP/1.1: a chunked body (the default client may upgrade to HTTP/2, where the refusal resets the stream)
        return HTTP_1_1.send(HttpRequest.newBuilder(URI.create(proxy.decthingsUrl() + "/Model/createModel"))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(ValidatingProxy proxy, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + proxy.port() + path))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + KEY);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
