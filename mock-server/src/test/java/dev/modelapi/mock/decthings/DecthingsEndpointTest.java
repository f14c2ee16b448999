package dev.modelapi.mock.decthings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelapi.decthings.client.wire.RequestFrame;
import dev.modelapi.decthings.client.wire.Varint;
import dev.modelapi.mock.junit.DecthingsUrl;
import dev.modelapi.mock.junit.ModelApiMockTest;
import dev.modelapi.mock.support.Decthings;
import dev.modelapi.mock.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The transport of {@code POST /v0/Model/{method}}: encodings, unknown methods, framing errors, validation. */
@ModelApiMockTest
class DecthingsEndpointTest {

    private static final String CREATE = "{\"name\":\"m1\",\"description\":\"d\","
            + "\"options\":{\"type\":\"code\",\"language\":\"python\"}}";

    @Test
    void answersJsonToJsonAndFramedToFramed(@DecthingsUrl String base) {
        Http.Answer json = Decthings.json(base).raw("createModel", CREATE);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.contentType()).isEqualTo("application/json");
        assertThat(Decthings.decode("createModel", json).path("result").path("modelId").asText()).isNotEmpty();

        Http.Answer framed = Decthings.framed(base).raw("getModels", "{}");
        assertThat(framed.status()).isEqualTo(200);
        assertThat(framed.contentType()).isEqualTo("application/octet-stream");
        assertThat(Decthings.decode("getModels", framed).path("result").path("total").asInt()).isEqualTo(3);
    }

    @Test
    void acceptNamingOneEncodingWins(@DecthingsUrl String base) {
        Http.Answer a = Decthings.json(base, "Accept", "application/octet-stream").raw("getModels", "{}");
        assertThat(a.contentType()).isEqualTo("application/octet-stream");
        Http.Answer b = Decthings.framed(base, "Accept", "application/json").raw("getModels", "{}");
        assertThat(b.contentType()).isEqualTo("application/json");
        Http.Answer c = Decthings.framed(base, "Accept", "*/*").raw("getModels", "{}");
        assertThat(c.contentType()).isEqualTo("application/octet-stream");
    }

    @Test
    void unknownMethodOrSubApiOrVerbIs404WithoutBody(@DecthingsUrl String base) {
        assertThat(Http.postJson(base + "/Model/noSuchMethod", "{}").status()).isEqualTo(404);
        assertThat(Http.postJson(base + "/Dataset/getDatasets", "{}").status()).isEqualTo(404);
        Http.Answer get = Http.get(base + "/Model/getModels");
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.body()).isEmpty();
    }

    @Test
    void subApiNameIsCaseInsensitiveAsInTheDocs(@DecthingsUrl String base) {
        assertThat(Http.postJson(base + "/model/getModels", "{}").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "framed"})
    void validationFailureNamesTheFieldAsADottedPath(String encoding, @DecthingsUrl String base) {
        Decthings d = encoding.equals("json") ? Decthings.json(base) : Decthings.framed(base);
        JsonNode e = d.error("createModel",
                "{\"name\":\"x\",\"description\":\"d\",\"options\":{\"type\":\"code\",\"language\":\"cobol\"}}");
        assertThat(e.path("code").asText()).isEqualTo("invalid_parameter");
        assertThat(e.path("parameterName").asText()).isEqualTo("options.language");
        assertThat(e.path("reason").asText()).contains("cobol");

        JsonNode missing = d.error("createModel", "{\"description\":\"d\",\"options\":{\"type\":\"code\","
                + "\"language\":\"python\"}}");
        assertThat(missing.path("parameterName").asText()).isEqualTo("name");

        JsonNode wrongType = d.error("getModels", "{\"limit\":\"ten\"}");
        assertThat(wrongType.path("parameterName").asText()).isEqualTo("limit");

        JsonNode nested = d.error("createState", "{\"modelId\":\"m\",\"name\":\"n\",\"params\":[],"
                + "\"executionLocation\":{\"type\":\"temporaryLauncher\",\"spec\":{\"cpus\":1}}}");
        assertThat(nested.path("parameterName").asText()).isEqualTo("executionLocation.spec.memoryMebibytes");
    }

    @Test
    void undeclaredPropertiesAreRejected(@DecthingsUrl String base) {
        JsonNode e = Decthings.json(base).error("getModels", "{\"limitt\":3}");
        assertThat(e.path("code").asText()).isEqualTo("invalid_parameter");
        assertThat(e.path("reason").asText()).contains("limitt");
    }

    @Test
    void bodyThatIsNotJsonIsInvalidParameterBody(@DecthingsUrl String base) {
        Http.Answer a = Http.postJson(base + "/Model/getModels", "{not json");
        JsonNode e = Decthings.decode("getModels", a).path("error");
        assertThat(e.path("code").asText()).isEqualTo("invalid_parameter");
        assertThat(e.path("parameterName").asText()).isEqualTo("body");
        Http.Answer empty = Http.postJson(base + "/Model/getModels", "");
        assertThat(Decthings.decode("getModels", empty).path("error").path("parameterName").asText())
                .isEqualTo("body");
    }

    @Test
    void malformedFramingIsAFramedInvalidParameterBody(@DecthingsUrl String base) {
        byte[] truncated = {0x00, 0x10, '{', '}'};
        Http.Answer a = Http.post(base + "/Model/getModels", Decthings.OCTET, truncated);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.contentType()).isEqualTo("application/octet-stream");
        JsonNode e = Decthings.decode("getModels", a).path("error");
        assertThat(e.path("code").asText()).isEqualTo("invalid_parameter");
        assertThat(e.path("parameterName").asText()).isEqualTo("body");
        assertThat(e.path("reason").asText()).startsWith("Malformed Decthings frame: ").contains("JSON length 16");
    }

    @Test
    void blobCountThatDoesNotFitTheJsonIsAFramingError(@DecthingsUrl String base) {
        // uploadState calls for one blob per key; send the JSON with no blob.
        byte[] frame = RequestFrame.of("{\"modelId\":\"m\",\"name\":\"s\",\"stateKeyNames\":[\"a\"]}").encode();
        assertThat(bodyErrorReason(base, "uploadState", frame)).startsWith("Malformed Decthings frame");
    }

    @Test
    void aFrameWhoseFirstBytesLookLikeGzipIsStillAFrame(@DecthingsUrl String base) {
        // 31 blobs (0x1f) and a 139-byte JSON (0x8b): the gzip magic number, which WireMock would try to un-gzip.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x1f);
        out.writeBytes(Varint.encode(139));
        assertThat(bodyErrorReason(base, "getModels", out.toByteArray())).contains("Malformed Decthings frame");
    }

    @Test
    void framedJsonPartThatIsCutShort(@DecthingsUrl String base) {
        byte[] frame = RequestFrame.of("{\"limit\": 1, \"offset\":").encode();
        assertThat(bodyErrorReason(base, "getModels", frame)).startsWith("Malformed Decthings frame: The JSON part"
                + " of the frame is not a JSON object: Unexpected end-of-input");
    }

    @Test
    void framedJsonPartThatIsNotAnObject(@DecthingsUrl String base) {
        byte[] frame = RequestFrame.of("[1,2,3]").encode();
        assertThat(bodyErrorReason(base, "getModels", frame)).contains("not a JSON object");
    }

    /** Posts a framed body; the answer must be {@code invalid_parameter} on {@code body}: returns its reason. */
    private static String bodyErrorReason(String base, String method, byte[] frame) {
        JsonNode e = Decthings.decode(method, Http.post(base + "/Model/" + method, Decthings.OCTET, frame))
                .path("error");
        assertThat(e.path("code").asText()).isEqualTo("invalid_parameter");
        assertThat(e.path("parameterName").asText()).isEqualTo("body");
        return e.path("reason").asText();
    }

    @Test
    void aRequestWithoutContentTypeIsFramedLikeTheOfficialClients(@DecthingsUrl String base) throws Exception {
        byte[] frame = Decthings.frame("getModels", "{\"limit\":1}");
        Http.Answer a = Http.send(HttpRequest.newBuilder(URI.create(base + "/Model/getModels"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(frame)));
        assertThat(a.contentType()).isEqualTo("application/octet-stream");
        assertThat(Decthings.decode("getModels", a).path("result").path("limit").asInt()).isEqualTo(1);
    }

    @Test
    void blobsTravelAsBlobsBothWays(@DecthingsUrl String base) {
        Decthings framed = Decthings.framed(base);
        String modelId = framed.result("createModel", CREATE).path("modelId").asText();
        byte[] bytes = "weights \u0000\u0001\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        String b64 = java.util.Base64.getEncoder().encodeToString(bytes);
        String stateId = framed.result("uploadState", "{\"modelId\":\"" + modelId + "\",\"name\":\"s\",\"data\":"
                + "[{\"key\":\"w.bin\",\"data\":\"" + b64 + "\"}]}").path("stateId").asText();
        Http.Answer raw = framed.raw("getModelState", "{\"modelId\":\"" + modelId + "\",\"stateId\":\"" + stateId
                + "\"}");
        // On the wire: JSON without the bytes, then one blob.
        dev.modelapi.decthings.client.wire.ResponseFrame frame =
                dev.modelapi.decthings.client.wire.ResponseFrame.decode(raw.body());
        assertThat(frame.jsonString()).contains("\"stateKeyNames\":[\"w.bin\"]").doesNotContain(b64);
        assertThat(frame.blobBytes(0)).isEqualTo(bytes);
        JsonNode logical = Decthings.decode("getModelState", raw);
        assertThat(logical.path("result").path("data").get(0).path("data").asText()).isEqualTo(b64);
    }
}
