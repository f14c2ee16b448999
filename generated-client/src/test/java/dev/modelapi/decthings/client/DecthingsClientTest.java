package dev.modelapi.decthings.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.modelapi.client.TransportException;
import dev.modelapi.decthings.client.invoker.ApiException;
import dev.modelapi.decthings.client.model.CreateModelError;
import dev.modelapi.decthings.client.model.CreateModelRequest;
import dev.modelapi.decthings.client.model.CreateModelResponse;
import dev.modelapi.decthings.client.model.CreateModelSimpleError;
import dev.modelapi.decthings.client.model.CreateModelUploadOptions;
import dev.modelapi.decthings.client.model.CreateStateRequest;
import dev.modelapi.decthings.client.model.CreateStateResponse;
import dev.modelapi.decthings.client.model.DecthingsParameterProvider;
import dev.modelapi.decthings.client.model.DecthingsParameterProviderDataset;
import dev.modelapi.decthings.client.model.DecthingsParameterProviderInline;
import dev.modelapi.decthings.client.model.DecthingsParameter;
import dev.modelapi.decthings.client.model.EvaluateRequest;
import dev.modelapi.decthings.client.model.EvaluateResponse;
import dev.modelapi.decthings.client.model.GetModelStateRequest;
import dev.modelapi.decthings.client.model.GetModelStateResponse;
import dev.modelapi.decthings.client.model.GetModelsRequest;
import dev.modelapi.decthings.client.model.StateKeyData;
import dev.modelapi.decthings.client.model.GetModelsResponse;
import dev.modelapi.decthings.client.model.InvalidParameterError;
import dev.modelapi.decthings.client.model.LauncherSpec;
import dev.modelapi.decthings.client.model.SortDirection;
import dev.modelapi.decthings.client.model.TemporaryLauncherLocationProvider;
import dev.modelapi.decthings.client.tensor.DecthingsTensor;
import dev.modelapi.decthings.client.wire.RequestFrame;
import dev.modelapi.decthings.client.wire.ResponseFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SDK against a real WireMock on loopback, in both transports. */
class DecthingsClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] ONNX = {8, 7, 18, 7, 'p', 'y', 't', 'o', 'r', 'c', 'h'};
    /** f32 tensor, shape [2], [1.0, 2.0] (docs/decthings-wire-format.md §5). */
    private static final byte[] TENSOR = {1, 1, 2, 0, 0, (byte) 0x80, 0x3f, 0, 0, 0, 0x40};

    /** WireMock on loopback, one per class, reset before each test by the extension. */
    @RegisterExtension
    static final WireMockExtension wm = WireMockExtension.newInstance()
            .options(options().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static DecthingsClient client(Transport transport) {
        return DecthingsClient.builder()
                .baseUrl("http://127.0.0.1:" + wm.getPort() + "/v0")
                .apiKey("  secret-key \n")
                .timeout(Duration.ofSeconds(10))
                .transport(transport)
                .build();
    }

    private static CreateModelRequest uploadRequest() {
        return new CreateModelRequest()
                .name("resnet")
                .description("uploaded")
                .options(new CreateModelUploadOptions().format("onnx").data(ONNX));
    }

    private static LoggedRequest onlyRequest(String method) {
        List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo("/v0/Model/" + method)));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    // ------------------------------------------------------------------ JSON transport

    @Test
    void jsonTransportSendsTheLogicalDocumentWithBase64AndBearerAuth() throws Exception {
        wm.stubFor(post("/v0/Model/createModel").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"result\":{\"modelId\":\"m-1\",\"isNowCreating\":false}}")));

        CreateModelResponse response = client(Transport.JSON).model().createModel(uploadRequest());

        assertThat(response.getError()).isNull();
        assertThat(response.getResult().getModelId()).isEqualTo("m-1");
        assertThat(response.getResult().getIsNowCreating()).isFalse();
        wm.verify(postRequestedFor(urlEqualTo("/v0/Model/createModel"))
                .withHeader("Authorization", equalTo("Bearer secret-key"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"name\":\"resnet\",\"description\":\"uploaded\",\"publicAccess\":false,"
                        + "\"options\":{\"type\":\"upload\",\"format\":\"onnx\",\"data\":\"CAcSB3B5dG9yY2g=\"}}")));
    }

    @Test
    void jsonTransportReadsTypedErrorsIncludingUnknownCodes() throws Exception {
        wm.stubFor(post("/v0/Model/getModels").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"invalid_parameter\",\"parameterName\":\"limit\",\"reason\":\"too big\"}}")));
        wm.stubFor(post("/v0/Model/createModel").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"gpu_shortage\",\"retryAfterSeconds\":30}}")));

        DecthingsClient client = client(Transport.JSON);
        GetModelsResponse models = client.model().getModels(new GetModelsRequest().limit(5000).sortDirection(SortDirection.DESC));
        assertThat(models.getError()).isInstanceOfSatisfying(InvalidParameterError.class,
                e -> assertThat(e.getParameterName()).isEqualTo("limit"));
        wm.verify(postRequestedFor(urlEqualTo("/v0/Model/getModels"))
                .withRequestBody(WireMock.matchingJsonPath("$.sortDirection", equalTo("desc"))));

        CreateModelError error = client.model().createModel(uploadRequest()).getError();
        assertThat(error).isInstanceOfSatisfying(CreateModelError.Unknown.class, u -> {
            assertThat(u.getCode()).isEqualTo("gpu_shortage");
            assertThat(u.getProperties().get("retryAfterSeconds").asInt()).isEqualTo(30);
        });
    }

    // ------------------------------------------------------------------ binary transport

    @Test
    void binaryIsTheDefaultTransport() {
        assertThat(DecthingsClient.builder().build().transport()).isEqualTo(Transport.BINARY);
        assertThat(DecthingsClient.builder().build().baseUrl()).isEqualTo(DecthingsClient.DEFAULT_BASE_URL);
    }

    @Test
    void binaryTransportFramesTheRequestWithTheBufferAsABlob() throws Exception {
        wm.stubFor(post("/v0/Model/createModel").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream")
                .withBody(ResponseFrame.of("{\"result\":{\"modelId\":\"m-2\",\"isNowCreating\":true}}").encode())));

        CreateModelResponse response = client(Transport.BINARY).model().createModel(uploadRequest());

        assertThat(response.getResult().getModelId()).isEqualTo("m-2");
        assertThat(response.getResult().getIsNowCreating()).isTrue();

        LoggedRequest request = onlyRequest("createModel");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(request.getHeader("Accept")).isEqualTo("application/octet-stream");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer secret-key");
        byte[] body = request.getBody();
        RequestFrame frame = RequestFrame.decode(body);
        assertThat(frame.blobCount()).isEqualTo(1);
        assertThat(frame.blobBytes(0)).isEqualTo(ONNX);
        JsonNode json = JSON.readTree(frame.jsonString());
        assertThat(json).isEqualTo(JSON.readTree("{\"name\":\"resnet\",\"description\":\"uploaded\",\"publicAccess\":false,"
                + "\"options\":{\"type\":\"upload\",\"format\":\"onnx\"}}"));
        // byte for byte: u8 blob count, varint JSON length, varint blob length, JSON, blob
        byte[] jsonBytes = frame.jsonBytes();
        assertThat(body[0]).isEqualTo((byte) 1);
        assertThat(body[1] & 0xff).isEqualTo(jsonBytes.length);
        assertThat(body[2] & 0xff).isEqualTo(ONNX.length);
        assertThat(body).hasSize(3 + jsonBytes.length + ONNX.length);
        assertThat(new String(body, 3, jsonBytes.length, StandardCharsets.UTF_8)).isEqualTo(frame.jsonString());
    }

    @Test
    void binaryTransportSendsInlineParameterTensorsAsOneBlobPerProvider() throws Exception {
        wm.stubFor(post("/v0/Model/createState").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream")
                .withBody(ResponseFrame.of("{\"result\":{\"success\":{\"stateId\":\"s-1\",\"durations\":"
                        + "{\"createLauncher\":1,\"codeStartup\":2,\"createState\":3}}}}").encode())));

        byte[] second = DecthingsTensor.f32(new float[] {3f}, 1).serialize();
        CreateStateRequest request = new CreateStateRequest()
                .modelId("m-1")
                .name("baseline")
                .addParamsItem(new DecthingsParameterProvider().name("input")
                        .data(new DecthingsParameterProviderInline().addDataItem(TENSOR).addDataItem(second)))
                .addParamsItem(new DecthingsParameterProvider().name("vocab")
                        .data(new DecthingsParameterProviderDataset().datasetId("d-1").datasetKey("vocab")))
                .executionLocation(new TemporaryLauncherLocationProvider()
                        .spec(new LauncherSpec().cpus(1.0).memoryMebibytes(512L)));

        CreateStateResponse response = client(Transport.BINARY).model().createState(request);

        assertThat(response.getResult().getSuccess().getStateId()).isEqualTo("s-1");
        RequestFrame frame = RequestFrame.decode(onlyRequest("createState").getBody());
        assertThat(frame.blobCount()).isEqualTo(1);
        byte[] expectedBlob = new byte[TENSOR.length + second.length];
        System.arraycopy(TENSOR, 0, expectedBlob, 0, TENSOR.length);
        System.arraycopy(second, 0, expectedBlob, TENSOR.length, second.length);
        assertThat(frame.blobBytes(0)).isEqualTo(expectedBlob);
        JsonNode params = JSON.readTree(frame.jsonString()).get("params");
        assertThat(params).isEqualTo(JSON.readTree("[{\"name\":\"input\"},"
                + "{\"name\":\"vocab\",\"data\":{\"type\":\"dataset\",\"datasetId\":\"d-1\",\"datasetKey\":\"vocab\"}}]"));
    }

    @Test
    void binaryTransportPutsKeyedResponseBlobsBackAsData() throws Exception {
        byte[] weights = {1, 2, 3, 4};
        byte[] bias = {};
        wm.stubFor(post("/v0/Model/getModelState").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream")
                .withBody(ResponseFrame.of("{\"result\":{\"stateKeyNames\":[\"weights\",\"bias\"]}}", weights, bias).encode())));

        GetModelStateResponse response = client(Transport.BINARY).model()
                .getModelState(new GetModelStateRequest().modelId("m-1").addKeysItem("weights").addKeysItem("bias"));

        assertThat(response.getResult().getData()).extracting(StateKeyData::getKey).containsExactly("weights", "bias");
        assertThat(response.getResult().getData().get(0).getData()).isEqualTo(weights);
        assertThat(response.getResult().getData().get(1).getData()).isEmpty();
        RequestFrame frame = RequestFrame.decode(onlyRequest("getModelState").getBody());
        assertThat(frame.blobCount()).isZero();
        assertThat(JSON.readTree(frame.jsonString()))
                .isEqualTo(JSON.readTree("{\"modelId\":\"m-1\",\"keys\":[\"weights\",\"bias\"]}"));
    }

    @Test
    void binaryTransportDecodesEvaluateOutputTensors() throws Exception {
        byte[] out = DecthingsTensor.f32(new float[] {0.1f, 0.2f, 0.7f}, 3).serialize();
        byte[] labels = DecthingsTensor.string(new String[] {"neg", "neu", "pos"}, 3).serialize();
        byte[] outputBlob = new byte[out.length + labels.length];
        System.arraycopy(out, 0, outputBlob, 0, out.length);
        System.arraycopy(labels, 0, outputBlob, out.length, labels.length);
        wm.stubFor(post("/v0/Model/evaluate").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream")
                .withBody(ResponseFrame.of("{\"result\":{\"success\":{\"totalDuration\":61,\"durations\":{\"evaluate\":38},"
                        + "\"executedOnLauncher\":{\"type\":\"temporaryLauncher\",\"spec\":{\"cpus\":1,\"memoryMebibytes\":512}},"
                        + "\"output\":[{\"name\":\"sentiment\"}]}}}", outputBlob).encode())));

        EvaluateResponse response = client(Transport.BINARY).model().evaluate(new EvaluateRequest().modelId("m-1")
                .addParamsItem(new DecthingsParameterProvider().name("input")
                        .data(new DecthingsParameterProviderInline()
                                .addDataItem(DecthingsTensor.string(new String[] {"great product"}).serialize()))));

        DecthingsParameter sentiment = response.getResult().getSuccess().getOutput().get(0);
        assertThat(sentiment.getName()).isEqualTo("sentiment");
        assertThat(sentiment.getData()).hasSize(2);
        assertThat(DecthingsTensor.deserialize(sentiment.getData().get(0)).asFloatArray()).containsExactly(0.1f, 0.2f, 0.7f);
        assertThat(DecthingsTensor.deserialize(sentiment.getData().get(1)).asStringArray()).containsExactly("neg", "neu", "pos");
        RequestFrame frame = RequestFrame.decode(onlyRequest("evaluate").getBody());
        assertThat(frame.blobCount()).isEqualTo(1);
        assertThat(DecthingsTensor.deserialize(frame.blobBytes(0)).asStringArray()).containsExactly("great product");
    }

    @Test
    void binaryTransportReadsFramedErrorsIncludingUnknownCodes() throws Exception {
        wm.stubFor(post("/v0/Model/createModel").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream")
                .withBody(ResponseFrame.of("{\"error\":{\"code\":\"quota_exceeded\"}}").encode())));
        assertThat(client(Transport.BINARY).model().createModel(uploadRequest()).getError())
                .isInstanceOfSatisfying(CreateModelSimpleError.class, e -> assertThat(e.getCode()).isEqualTo("quota_exceeded"));

        wm.stubFor(post("/v0/Model/createModel").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream")
                .withBody(ResponseFrame.of("{\"error\":{\"code\":\"brand_new\"}}").encode())));
        assertThat(client(Transport.BINARY).model().createModel(uploadRequest()).getError())
                .isInstanceOfSatisfying(CreateModelError.Unknown.class, e -> assertThat(e.getCode()).isEqualTo("brand_new"));
    }

    @Test
    void httpFailuresAndMalformedFramesBecomeApiExceptions() {
        wm.stubFor(post("/v0/Model/setImage").willReturn(aResponse().withStatus(500).withBody("boom")));
        assertThatThrownBy(() -> client(Transport.BINARY).model().setImage(
                new dev.modelapi.decthings.client.model.SetImageRequest().modelId("m").domain("docker.io")
                        .repository("library/python").reference("3.12")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(500);
                    assertThat(e.getResponseBody()).isEqualTo("boom");
                });

        wm.stubFor(post("/v0/Model/createModel").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream")
                .withBody(new byte[] {(byte) 0x40, '{'})));
        assertThatThrownBy(() -> client(Transport.BINARY).model().createModel(uploadRequest()))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("createModel");
    }

    @Test
    void timeoutApplies() {
        wm.stubFor(post("/v0/Model/getModels").willReturn(aResponse().withStatus(200).withFixedDelay(3000)
                .withHeader("Content-Type", "application/json").withBody("{\"result\":{}}")));
        DecthingsClient slow = DecthingsClient.builder()
                .baseUrl("http://127.0.0.1:" + wm.getPort() + "/v0")
                .timeout(Duration.ofMillis(300))
                .transport(Transport.JSON)
                .build();
        assertThatThrownBy(() -> slow.model().getModels(new GetModelsRequest()))
                .isInstanceOf(TransportException.class)
                .hasCauseInstanceOf(HttpTimeoutException.class)
                .hasMessageContaining("POST http://127.0.0.1:" + wm.getPort() + "/v0/Model/getModels got no answer");
    }

    @Test
    void withoutAnApiKeyNoAuthorizationHeaderIsSent() throws Exception {
        wm.stubFor(post("/v0/Model/getModels").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream")
                .withBody(ResponseFrame.of("{\"result\":{\"models\":[],\"total\":0,\"offset\":0,\"limit\":20}}").encode())));
        DecthingsClient anonymous = DecthingsClient.builder().baseUrl("http://127.0.0.1:" + wm.getPort() + "/v0/").build();
        GetModelsResponse response = anonymous.model().getModels(new GetModelsRequest());
        assertThat(response.getResult().getTotal()).isZero();
        assertThat(onlyRequest("getModels").containsHeader("Authorization")).isFalse();
    }
}
