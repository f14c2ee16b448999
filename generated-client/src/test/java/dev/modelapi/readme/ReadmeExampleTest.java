package dev.modelapi.readme;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.modelapi.client.RetryPolicy;
import dev.modelapi.client.TransportException;
import dev.modelapi.decthings.client.DecthingsClient;
import dev.modelapi.decthings.client.invoker.ApiException;
import dev.modelapi.decthings.client.model.CreateModelError;
import dev.modelapi.decthings.client.model.CreateModelRequest;
import dev.modelapi.decthings.client.model.CreateModelResponse;
import dev.modelapi.decthings.client.model.CreateModelUploadOptions;
import dev.modelapi.decthings.client.model.DecthingsParameter;
import dev.modelapi.decthings.client.model.DecthingsParameterProvider;
import dev.modelapi.decthings.client.model.DecthingsParameterProviderInline;
import dev.modelapi.decthings.client.model.EvaluateRequest;
import dev.modelapi.decthings.client.model.EvaluateResponse;
import dev.modelapi.decthings.client.model.EvaluationSuccess;
import dev.modelapi.decthings.client.model.GetModelsFilter;
import dev.modelapi.decthings.client.model.GetModelsRequest;
import dev.modelapi.decthings.client.model.GetModelsResponse;
import dev.modelapi.decthings.client.model.InvalidParameterError;
import dev.modelapi.decthings.client.tensor.DecthingsTensor;
import dev.modelapi.decthings.client.wire.RequestFrame;
import dev.modelapi.decthings.client.wire.ResponseFrame;
import dev.modelapi.pieces.client.PiecesClient;
import dev.modelapi.pieces.client.model.Model;
import dev.modelapi.pieces.client.model.ModelDownloadProgress;
import dev.modelapi.pieces.client.model.ModelDownloadProgressStatusEnum;
import dev.modelapi.testsupport.UpgradeRoutingProxy;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The usage examples of the README, compiled and run by the build against local servers. The code between the
 * {@code README:…:begin/end} markers is the README text, verbatim; {@link #readmeShowsTheseSnippets} checks that the
 * repository README contains exactly these snippets.
 */
class ReadmeExampleTest {

    // ------------------------------------------------------------------ the snippets

    static void decthingsExample(URI baseUrl, Path onnxFile) throws Exception {
        // README:decthings:begin
        DecthingsClient client = DecthingsClient.builder()
                .baseUrl(baseUrl)                              // default: https://api.decthings.com/v0
                .apiKey(System.getenv("DECTHINGS_API_KEY"))    // sent as "Authorization: Bearer <key>"
                .timeout(Duration.ofSeconds(30))
                .build();                                      // binary transport; .transport(Transport.JSON) for JSON

        CreateModelResponse response = client.model().createModel(new CreateModelRequest()
                .name("resnet50")
                .description("ResNet-50 exported from PyTorch")
                .options(new CreateModelUploadOptions()   // its type is already "upload"
                        .format("onnx")
                        .data(Files.readAllBytes(onnxFile))));  // travels as a binary blob

        CreateModelError error = response.getError();
        if (error == null) {
            System.out.println("created model " + response.getResult().getModelId());
        } else if (error instanceof InvalidParameterError e) {
            System.out.println("invalid " + e.getParameterName() + ": " + e.getReason());
        } else if (error instanceof CreateModelError.Unknown e) {
            System.out.println("error unknown to this SDK version: " + e.getCode() + " " + e.getProperties());
        } else {
            System.out.println("failed: " + error.getCode()); // quota_exceeded, access_denied, ...
        }
        // README:decthings:end
    }

    static void decthingsEvaluateExample(DecthingsClient client, String modelId) throws Exception {
        // README:evaluate:begin
        EvaluateResponse evaluation = client.model().evaluate(new EvaluateRequest()
                .modelId(modelId)
                .addParamsItem(new DecthingsParameterProvider()
                        .name("input")
                        .data(new DecthingsParameterProviderInline()
                                .type("data")
                                .addDataItem(DecthingsTensor.f32(new float[] {0.5f, 1.5f}, 1, 2).serialize()))));

        EvaluationSuccess success = evaluation.getResult() == null ? null : evaluation.getResult().getSuccess();
        if (success != null) {
            for (DecthingsParameter output : success.getOutput()) {
                DecthingsTensor tensor = DecthingsTensor.deserialize(output.getData().get(0));
                System.out.println(output.getName() + ": " + tensor.type().jsonName()
                        + Arrays.toString(tensor.shape()) + " " + Arrays.toString(tensor.asFloatArray()));
            }
        }
        // README:evaluate:end
    }

    static void decthingsErgonomicsExample(URI baseUrl, String apiKey) throws Exception {
        // README:ergonomics:begin
        DecthingsClient client = DecthingsClient.builder()
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .retryPolicy(RetryPolicy.builder()         // default RetryPolicy.defaults(); RetryPolicy.none() = off
                        .maxAttempts(5)
                        .initialBackoff(Duration.ofMillis(250))
                        .build())
                .build();

        // Every model of a query, page by page (the query's limit is the page size).
        for (var m : client.allModels(new GetModelsRequest().limit(50))) {
            System.out.println(m.getId() + " " + m.getName());
        }
        long resnets = client.allModels(new GetModelsRequest()
                .filter(new GetModelsFilter().searchName("resnet"))).stream().count();
        System.out.println(resnets + " resnet models");

        // Any call, asynchronously.
        client.modelAsync().getModels(new GetModelsRequest())
                .thenAccept(r -> System.out.println(r.getResult().getTotal() + " models"))
                .join();
        // README:ergonomics:end
    }

    static void decthingsFailuresExample(DecthingsClient client) {
        // README:failures:begin
        try {
            GetModelsResponse response = client.model().getModels(new GetModelsRequest());
            if (response.getError() != null) {         // the platform answered: no
                System.out.println("API error " + response.getError().getCode());
            }
        } catch (TransportException e) {               // no answer: refused, reset, timed out, TLS
            System.out.println("unreachable: " + e.uri());
        } catch (ApiException e) {                     // an answer with a status outside 2xx
            System.out.println("HTTP " + e.getCode());
        }
        // README:failures:end
    }

    static void piecesExample(URI baseUrl, String modelId) throws Exception {
        // README:pieces:begin
        PiecesClient pieces = PiecesClient.builder()
                .baseUrl(baseUrl)                              // default: http://localhost:39300
                .applicationId("my-app")                       // optional X-Application-ID header
                .build();

        // Listen first, then start the download; the future completes on COMPLETED, FAILED or CANCELED.
        var done = pieces.downloadProgress(modelId,
                p -> System.out.println(p.getStatus() + " " + p.getPercentage()));
        Model model = pieces.model().modelSpecificModelDownload(modelId);
        ModelDownloadProgress last = done.get(30, TimeUnit.MINUTES);

        if (last.getStatus() == ModelDownloadProgressStatusEnum.COMPLETED) {
            System.out.println(model.getName() + " downloaded");
        }
        // README:pieces:end
    }

    // ------------------------------------------------------------------ running them

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private WireMockServer wm;

    @BeforeEach
    void setUp() {
        originalOut = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
    }

    @AfterEach
    void tearDown() {
        System.setOut(originalOut);
        wm.stop();
    }

    private List<String> lines() {
        return List.of(printed.toString(StandardCharsets.UTF_8).split("\\R"));
    }

    @Test
    void decthingsSnippetRuns(@TempDir Path dir) throws Exception {
        Path onnx = Files.write(dir.resolve("resnet50.onnx"), new byte[] {8, 7, 18, 3, 'o', 'n', 'x'});
        wm.stubFor(post("/v0/Model/createModel").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream")
                .withBody(ResponseFrame.of("{\"result\":{\"modelId\":\"m-42\",\"isNowCreating\":false}}").encode())));

        decthingsExample(URI.create("http://127.0.0.1:" + wm.port() + "/v0"), onnx);

        assertThat(lines()).containsExactly("created model m-42");
        byte[] body = wm.findAll(postRequestedFor(urlEqualTo("/v0/Model/createModel"))).get(0).getBody();
        assertThat(RequestFrame.decode(body).blobBytes(0)).isEqualTo(Files.readAllBytes(onnx));

        wm.stubFor(post("/v0/Model/createModel").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream")
                .withBody(ResponseFrame.of("{\"error\":{\"code\":\"quota_exceeded\"}}").encode())));
        decthingsExample(URI.create("http://127.0.0.1:" + wm.port() + "/v0"), onnx);
        assertThat(lines()).endsWith("failed: quota_exceeded");
    }

    @Test
    void evaluateSnippetRuns() throws Exception {
        byte[] output = DecthingsTensor.f32(new float[] {0.25f, 0.75f}, 1, 2).serialize();
        wm.stubFor(post("/v0/Model/evaluate").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream")
                .withBody(ResponseFrame.of("{\"result\":{\"success\":{\"totalDuration\":61,\"durations\":{\"evaluate\":38},"
                        + "\"executedOnLauncher\":{\"type\":\"temporaryLauncher\",\"spec\":{\"cpus\":1,\"memoryMebibytes\":512}},"
                        + "\"output\":[{\"name\":\"probabilities\"}]}}}", output).encode())));
        DecthingsClient client = DecthingsClient.builder().baseUrl("http://127.0.0.1:" + wm.port() + "/v0").build();

        decthingsEvaluateExample(client, "m-1");

        assertThat(lines()).containsExactly("probabilities: f32[1, 2] [0.25, 0.75]");
        byte[] body = wm.findAll(postRequestedFor(urlEqualTo("/v0/Model/evaluate"))).get(0).getBody();
        assertThat(DecthingsTensor.deserialize(RequestFrame.decode(body).blobBytes(0)).asFloatArray())
                .containsExactly(0.5f, 1.5f);
    }

    @Test
    void ergonomicsSnippetRuns() throws Exception {
        String models = "{\"result\":{\"models\":[{\"id\":\"m-1\",\"name\":\"resnet-a\"},"
                + "{\"id\":\"m-2\",\"name\":\"resnet-b\"}],\"total\":2,\"offset\":0,\"limit\":50}}";
        wm.stubFor(post("/v0/Model/getModels").inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(framed("{\"error\":{\"code\":\"too_many_requests\"}}")).willSetStateTo("served"));
        wm.stubFor(post("/v0/Model/getModels").inScenario("busy").whenScenarioStateIs("served")
                .willReturn(framed(models)));

        decthingsErgonomicsExample(URI.create("http://127.0.0.1:" + wm.port() + "/v0"), "key");

        assertThat(lines()).containsExactly("m-1 resnet-a", "m-2 resnet-b", "2 resnet models", "2 models");
        assertThat(wm.findAll(postRequestedFor(urlEqualTo("/v0/Model/getModels"))))
                .as("the first, busy answer was retried").hasSize(4);
    }

    @Test
    void failuresSnippetRuns() throws Exception {
        wm.stubFor(post("/v0/Model/getModels").willReturn(framed("{\"error\":{\"code\":\"bad_credentials\"}}")));
        decthingsFailuresExample(DecthingsClient.builder().baseUrl("http://127.0.0.1:" + wm.port() + "/v0").build());
        wm.stubFor(post("/v0/Model/getModels").willReturn(aResponse().withStatus(500)));
        decthingsFailuresExample(DecthingsClient.builder().baseUrl("http://127.0.0.1:" + wm.port() + "/v0").build());
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        decthingsFailuresExample(DecthingsClient.builder().baseUrl("http://127.0.0.1:" + closed + "/v0").build());

        assertThat(lines()).containsExactly("API error bad_credentials", "HTTP 500",
                "unreachable: http://127.0.0.1:" + closed + "/v0/Model/getModels");
    }

    private static ResponseDefinitionBuilder framed(String json) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream")
                .withBody(ResponseFrame.of(json).encode());
    }

    @Test
    void piecesSnippetRuns() throws Exception {
        String modelJson = "{\"id\":\"m-7\",\"version\":\"1\",\"created\":{\"value\":\"2024-05-13T18:30:00Z\"},"
                + "\"name\":\"Llama 3 8B\",\"cloud\":false,\"type\":\"SPEED\",\"usage\":\"CODE_CONVERSATION\"}";
        wm.stubFor(post("/model/m-7/download").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(modelJson)));
        CountDownLatch downloadRequested = new CountDownLatch(1);
        wm.addMockServiceRequestListener((request, response) -> downloadRequested.countDown());

        CountDownLatch started = new CountDownLatch(1);
        WebSocketServer progress = new WebSocketServer(new InetSocketAddress("127.0.0.1", 0)) {
            @Override
            public void onOpen(WebSocket conn, ClientHandshake handshake) {
                Thread t = new Thread(() -> {
                    try {
                        conn.send("{\"status\":\"INITIALIZED\"}");
                        assertThat(downloadRequested.await(10, TimeUnit.SECONDS)).isTrue();
                        conn.send("{\"status\":\"IN-PROGRESS\",\"percentage\":50}");
                        conn.send("{\"status\":\"COMPLETED\",\"percentage\":100}");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                t.start();
            }

            @Override
            public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            }

            @Override
            public void onMessage(WebSocket conn, String message) {
            }

            @Override
            public void onError(WebSocket conn, Exception ex) {
            }

            @Override
            public void onStart() {
                started.countDown();
            }
        };
        progress.start();
        try {
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            try (UpgradeRoutingProxy proxy = new UpgradeRoutingProxy(wm.port(), progress.getPort())) {
                piecesExample(URI.create("http://127.0.0.1:" + proxy.port()), "m-7");
            }
        } finally {
            progress.stop(1000);
        }
        assertThat(lines()).containsExactly("INITIALIZED null", "IN-PROGRESS 50", "COMPLETED 100", "Llama 3 8B downloaded");
    }

    // ------------------------------------------------------------------ README == snippets

    static List<String> snippets() throws IOException {
        Path self = Path.of("src/test/java/dev/modelapi/readme/ReadmeExampleTest.java");
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        for (String line : Files.readAllLines(self)) {
            if (line.trim().matches("// README:\\w+:begin")) {
                current = new StringBuilder();
            } else if (line.trim().matches("// README:\\w+:end")) {
                out.add(current.toString());
                current = null;
            } else if (current != null) {
                current.append(line.length() >= 8 ? line.substring(8) : line.trim()).append('\n');
            }
        }
        return out;
    }

    @Test
    void readmeShowsTheseSnippets() throws IOException {
        List<String> snippets = snippets();
        assertThat(snippets).hasSize(5);
        Path readme = Path.of("../README.md");
        assertThat(readme).as("the repository README").exists();
        String text = Files.readString(readme);
        for (String snippet : snippets) {
            assertThat(text).as("README.md must show this snippet verbatim").contains(snippet);
        }
    }
}
