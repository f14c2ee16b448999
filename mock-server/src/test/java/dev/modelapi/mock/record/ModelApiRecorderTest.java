package dev.modelapi.mock.record;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import dev.modelapi.decthings.client.wire.BlobMapping;
import dev.modelapi.decthings.client.wire.OperationBlobs;
import dev.modelapi.decthings.client.wire.RequestFrame;
import dev.modelapi.decthings.client.wire.ResponseFrame;
import dev.modelapi.mock.ModelApiMock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records real HTTP traffic through {@link ModelApiRecorder} (upstream: a plain WireMock on loopback speaking the
 * Decthings framing and Pieces JSON), checks the written files, and replays them through the mock
 * ({@code --mappings DIR}) in both encodings.
 */
class ModelApiRecorderTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final BlobMapping BLOBS = BlobMapping.load();
    static final String MODEL_ID = "8c4f2a6e-91d3-4b7a-a0e5-3f6d1c2b9e47";
    static final byte[] WEIGHTS = {1, 2, 3, 0, (byte) 0xff};
    static final byte[] VOCAB = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    WireMockServer upstream;
    ModelApiRecorder recorder;
    final HttpClient http = HttpClient.newHttpClient();

    // ---------------------------------------------------------------- the logical documents of the test calls

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    static final ObjectNode GET_STATE_REQUEST = json("{\"modelId\":\"" + MODEL_ID + "\",\"keys\":[\"weights.pt\",\"vocab.json\"]}");
    static final ObjectNode GET_STATE_RESPONSE = json("{\"result\":{\"data\":[{\"key\":\"weights.pt\",\"data\":\""
            + b64(WEIGHTS) + "\"},{\"key\":\"vocab.json\",\"data\":\"" + b64(VOCAB) + "\"}]}}");
    static final ObjectNode UPLOAD_REQUEST = json("{\"modelId\":\"" + MODEL_ID + "\",\"name\":\"imported\",\"data\":["
            + "{\"key\":\"weights.pt\",\"data\":\"" + b64(WEIGHTS) + "\"}]}");
    static final ObjectNode UPLOAD_RESPONSE = json("{\"result\":{\"stateId\":\"6e2a9c4f-8b1d-4f3e-9a7c-5d0b2e8f1a63\"}}");
    static final ObjectNode GET_MODELS_REQUEST = json("{\"limit\":2}");
    static final ObjectNode GET_MODELS_RESPONSE = json("{\"result\":{\"models\":[],\"total\":0,\"offset\":0,\"limit\":2}}");
    static final String PIECES_MODEL = "{\"id\":\"abc\",\"name\":\"Llama\",\"downloaded\":true}";

    static byte[] framedRequest(String method, ObjectNode logical) {
        OperationBlobs.Split split = BLOBS.forMethod(method).splitRequest(logical);
        return new RequestFrame(ByteBuffer.wrap(split.json().toString().getBytes(StandardCharsets.UTF_8)),
                split.blobs()).encode();
    }

    static byte[] framedResponse(String method, ObjectNode logical) {
        OperationBlobs.Split split = BLOBS.forMethod(method).splitResponse(logical);
        return new ResponseFrame(ByteBuffer.wrap(split.json().toString().getBytes(StandardCharsets.UTF_8)),
                split.blobs()).encode();
    }

    static ObjectNode decodeResponse(String method, byte[] body) throws Exception {
        ResponseFrame frame = ResponseFrame.decode(body);
        return BLOBS.forMethod(method).joinResponse((ObjectNode) JSON.readTree(frame.jsonBytes()), frame.blobs());
    }

    // ---------------------------------------------------------------- servers

    @BeforeEach
    void startUpstream() {
        upstream = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
                .notifier(new ConsoleNotifier(false)));
        upstream.start();
        upstream.stubFor(post(urlEqualTo("/v0/Model/getModelState"))
                .withRequestBody(binaryEqualTo(framedRequest("getModelState", GET_STATE_REQUEST)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream")
                        .withBody(framedResponse("getModelState", GET_STATE_RESPONSE))));
        upstream.stubFor(post(urlEqualTo("/v0/Model/uploadState"))
                .withRequestBody(binaryEqualTo(framedRequest("uploadState", UPLOAD_REQUEST)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream")
                        .withBody(framedResponse("uploadState", UPLOAD_RESPONSE))));
        upstream.stubFor(post(urlEqualTo("/v0/Model/getModels"))
                .withRequestBody(equalToJson(GET_MODELS_REQUEST.toString()))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(GET_MODELS_RESPONSE.toString())));
        upstream.stubFor(post(urlEqualTo("/v0/Model/deleteModel"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream")
                        .withBody(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff})));
        upstream.stubFor(get(urlEqualTo("/model/abc"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(PIECES_MODEL)));
    }

    @AfterEach
    void stopAll() {
        if (recorder != null) {
            recorder.close();
        }
        upstream.stop();
    }

    HttpResponse<byte[]> call(String baseUrl, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).version(HttpClient.Version.HTTP_1_1);
        if (body == null) {
            b.GET();
        } else {
            b.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Records the five calls through the recorder and returns the written mapping files by URL. */
    Map<String, JsonNode> recordAll() throws Exception {
        recorder = ModelApiRecorder.start("127.0.0.1", 0, URI.create(upstream.baseUrl() + "/v0/"), dir,
                new ConsoleNotifier(false));
        String base = recorder.baseUrl();

        HttpResponse<byte[]> state = call(base, "/v0/Model/getModelState", "application/octet-stream",
                framedRequest("getModelState", GET_STATE_REQUEST));
        assertThat(state.statusCode()).isEqualTo(200);
        assertThat(state.body()).isEqualTo(framedResponse("getModelState", GET_STATE_RESPONSE));
        HttpResponse<byte[]> upload = call(base, "/v0/Model/uploadState", "application/octet-stream",
                framedRequest("uploadState", UPLOAD_REQUEST));
        assertThat(upload.body()).isEqualTo(framedResponse("uploadState", UPLOAD_RESPONSE));
        HttpResponse<byte[]> models = call(base, "/v0/Model/getModels", "application/json",
                GET_MODELS_REQUEST.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(JSON.readTree(models.body())).isEqualTo(GET_MODELS_RESPONSE);
        HttpResponse<byte[]> broken = call(base, "/v0/Model/deleteModel", "application/octet-stream",
                framedRequest("deleteModel", json("{\"modelId\":\"" + MODEL_ID + "\"}")));
        assertThat(broken.body()).containsExactly(0xff, 0xff, 0xff);
        HttpResponse<byte[]> pieces = call(base, "/model/abc", null, null);
        assertThat(new String(pieces.body(), StandardCharsets.UTF_8)).isEqualTo(PIECES_MODEL);

        List<Path> files = recorder.stop();
        assertThat(files).hasSize(5).allSatisfy(f -> assertThat(f.getParent()).isEqualTo(dir.resolve("mappings")));
        assertThat(upstream.getAllServeEvents()).hasSize(5);

        Map<String, JsonNode> byUrl = new HashMap<>();
        for (Path f : files) {
            JsonNode mapping = JSON.readTree(Files.readString(f));
            byUrl.put(mapping.path("request").path("url").asText(), mapping);
        }
        return byUrl;
    }

    // ---------------------------------------------------------------- the files

    @Test
    void framedCallsAreWrittenAsLogicalJson() throws Exception {
        Map<String, JsonNode> files = recordAll();

        JsonNode state = files.get("/v0/Model/getModelState");
        JsonNode pattern = state.path("request").path("bodyPatterns").get(0);
        assertThat(pattern.get("equalToJson")).isEqualTo(GET_STATE_REQUEST);
        assertThat(pattern.get("ignoreExtraElements").asBoolean()).isFalse();
        assertThat(state.path("response").get("jsonBody")).isEqualTo(GET_STATE_RESPONSE);
        assertThat(state.path("response").has("base64Body")).isFalse();
        assertThat(state.path("response").path("headers").path("Content-Type").asText())
                .isEqualTo("application/json");
        assertThat(state.path("response").path("transformerParameters").path("modelapi"))
                .isEqualTo(json("{\"api\":\"decthings\",\"role\":\"canned\",\"operation\":\"getModelState\"}"));
        assertThat(state.path("metadata").path("modelapi")).isEqualTo(json("{\"kind\":\"recorded\","
                + "\"recordedFrom\":\"" + upstream.baseUrl() + "\",\"api\":\"decthings\","
                + "\"operation\":\"getModelState\",\"recordedEncoding\":\"framed\",\"decthings\":\"logical\"}"));

        JsonNode upload = files.get("/v0/Model/uploadState");
        assertThat(upload.path("request").path("bodyPatterns").get(0).get("equalToJson")).isEqualTo(UPLOAD_REQUEST);
        assertThat(upload.path("response").get("jsonBody")).isEqualTo(UPLOAD_RESPONSE);

        JsonNode models = files.get("/v0/Model/getModels");
        assertThat(models.path("request").path("bodyPatterns").get(0).get("equalToJson"))
                .isEqualTo(GET_MODELS_REQUEST);
        assertThat(models.path("response").get("jsonBody")).isEqualTo(GET_MODELS_RESPONSE);
        assertThat(models.path("metadata").path("modelapi").path("recordedEncoding").asText()).isEqualTo("json");

        // The file text itself is readable: the blob bytes appear as base64, no frame bytes anywhere.
        String text = Files.readString(recorder.stop().stream()
                .filter(p -> p.getFileName().toString().contains("getmodelstate")).findFirst().orElseThrow());
        assertThat(text).contains(b64(WEIGHTS)).contains("\"weights.pt\"").doesNotContain("binaryEqualTo");
    }

    @Test
    void undecodableFramesAreKeptRawAndPiecesIsLeftAlone() throws Exception {
        Map<String, JsonNode> files = recordAll();

        JsonNode broken = files.get("/v0/Model/deleteModel");
        assertThat(broken.path("metadata").path("modelapi").path("decthings").asText()).isEqualTo("raw");
        assertThat(broken.path("metadata").path("modelapi").path("decodeError").asText()).isNotBlank();
        assertThat(broken.path("response").path("base64Body").asText()).isEqualTo(b64(new byte[] {-1, -1, -1}));
        assertThat(broken.path("request").path("bodyPatterns").get(0).has("binaryEqualTo")).isTrue();

        JsonNode pieces = files.get("/model/abc");
        assertThat(pieces.path("metadata").path("modelapi").path("api").asText()).isEqualTo("pieces");
        assertThat(pieces.path("response").path("body").asText()).isEqualTo(PIECES_MODEL);
        assertThat(pieces.path("response").has("transformerParameters")).isFalse();
    }

    // ---------------------------------------------------------------- replay

    @Test
    void recordedMappingsReplayInBothEncodingsThroughTheMock() throws Exception {
        recordAll();
        recorder.close();
        recorder = null;

        try (ModelApiMock mock = ModelApiMock.builder().bind("127.0.0.1").port(0).mappingsDir(dir).build().start()) {
            String base = mock.baseUrl();

            // Framed client, recorded framed.
            HttpResponse<byte[]> framed = call(base, "/v0/Model/getModelState", "application/octet-stream",
                    framedRequest("getModelState", GET_STATE_REQUEST));
            assertThat(framed.statusCode()).isEqualTo(200);
            assertThat(framed.headers().firstValue("Content-Type")).hasValueSatisfying(
                    ct -> assertThat(ct).startsWith("application/octet-stream"));
            assertThat(decodeResponse("getModelState", framed.body())).isEqualTo(GET_STATE_RESPONSE);

            // JSON client, recorded framed.
            HttpResponse<byte[]> plain = call(base, "/v0/Model/getModelState", "application/json",
                    GET_STATE_REQUEST.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(plain.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(plain.body())).isEqualTo(GET_STATE_RESPONSE);

            // Request blobs: framed and JSON uploads both match the logical request.
            assertThat(decodeResponse("uploadState", call(base, "/v0/Model/uploadState", "application/octet-stream",
                    framedRequest("uploadState", UPLOAD_REQUEST)).body())).isEqualTo(UPLOAD_RESPONSE);
            assertThat(JSON.readTree(call(base, "/v0/Model/uploadState", "application/json",
                    UPLOAD_REQUEST.toString().getBytes(StandardCharsets.UTF_8)).body())).isEqualTo(UPLOAD_RESPONSE);

            // Framed client, recorded as JSON.
            assertThat(decodeResponse("getModels", call(base, "/v0/Model/getModels", "application/octet-stream",
                    framedRequest("getModels", GET_MODELS_REQUEST)).body())).isEqualTo(GET_MODELS_RESPONSE);

            // Pieces, as recorded.
            assertThat(JSON.readTree(call(base, "/model/abc", null, null).body())).isEqualTo(JSON.readTree(PIECES_MODEL));

            // Every one of them was answered by a recorded mapping, not by the simulation.
            List<String> recordedIds = new ArrayList<>();
            for (Path f : Files.list(dir.resolve("mappings")).toList()) {
                recordedIds.add(JSON.readTree(Files.readString(f)).path("id").asText());
            }
            assertThat(mock.wireMock().getAllServeEvents()).hasSize(6).allSatisfy(e -> {
                assertThat(e.getStubMapping()).isNotNull();
                assertThat(recordedIds).contains(e.getStubMapping().getId().toString());
            });
        }
    }

    @Test
    void repeatedCallsBecomeAScenario() throws Exception {
        recorder = ModelApiRecorder.start("127.0.0.1", 0, URI.create(upstream.baseUrl()), dir,
                new ConsoleNotifier(false));
        for (int i = 0; i < 2; i++) {
            call(recorder.baseUrl(), "/model/abc", null, null);
        }
        List<JsonNode> mappings = new ArrayList<>();
        for (Path f : recorder.stop()) {
            mappings.add(JSON.readTree(Files.readString(f)));
        }
        assertThat(mappings).hasSize(2).allSatisfy(m -> assertThat(m.path("scenarioName").asText()).isNotEmpty());
    }

    @Test
    void previewShowsTheTransformedMappingsWithoutStopping() throws Exception {
        recorder = ModelApiRecorder.start("127.0.0.1", 0, URI.create(upstream.baseUrl()), dir,
                new ConsoleNotifier(false));
        call(recorder.baseUrl(), "/v0/Model/getModelState", "application/octet-stream",
                framedRequest("getModelState", GET_STATE_REQUEST));
        assertThat(recorder.preview()).singleElement().satisfies(m -> assertThat(m.getResponse().getJsonBody())
                .isEqualTo(GET_STATE_RESPONSE));
        assertThat(recorder.isRecording()).isTrue();
        assertThat(Files.list(dir.resolve("mappings"))).isEmpty();
    }

    @Test
    void recordFromMustBeAnOrigin() {
        assertThat(ModelApiRecorder.targetOrigin(URI.create("https://api.decthings.com/v0/")))
                .isEqualTo("https://api.decthings.com");
        assertThat(ModelApiRecorder.targetOrigin(URI.create("http://localhost:39300")))
                .isEqualTo("http://localhost:39300");
        assertThatThrownBy(() -> ModelApiRecorder.targetOrigin(URI.create("http://localhost:39300/api")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelApiRecorder.targetOrigin(URI.create("ftp://x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
