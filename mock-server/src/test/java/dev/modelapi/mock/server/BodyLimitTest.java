package dev.modelapi.mock.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelapi.mock.ModelApiMock;
import dev.modelapi.mock.junit.ModelApiMockExtension;
import dev.modelapi.mock.support.Decthings;
import dev.modelapi.mock.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --max-body-mib}: bodies over the cap get an error in the API's shape (here with a 64 KiB cap). */
class BodyLimitTest {

    static final int CAP = 64 * 1024;

    @RegisterExtension
    static ModelApiMockExtension mock = ModelApiMockExtension.of(ModelApiMock.builder().maxBodyBytes(CAP));

    private static String bigJson(int size) {
        char[] pad = new char[size];
        Arrays.fill(pad, 'a');
        return "{\"name\":\"" + new String(pad) + "\",\"description\":\"d\",\"options\":{\"type\":\"code\","
                + "\"language\":\"python\"}}";
    }

    @Test
    void oversizedDecthingsBodiesInBothEncodings() {
        String base = mock.decthingsBaseUrl();
        JsonNode json = Decthings.json(base).error("createModel", bigJson(CAP + 10));
        assertThat(json.path("code").asText()).isEqualTo("invalid_parameter");
        assertThat(json.path("parameterName").asText()).isEqualTo("body");
        assertThat(json.path("reason").asText()).contains("exceeds the mock's limit");
        Http.Answer framed = Decthings.framed(base).raw("createModel", bigJson(3 * CAP));
        assertThat(framed.contentType()).isEqualTo("application/octet-stream");
        assertThat(Decthings.decode("createModel", framed).path("error").path("parameterName").asText())
                .isEqualTo("body");
        // just under the cap is fine
        assertThat(Decthings.json(base).result("createModel", bigJson(CAP - 200)).path("modelId").asText())
                .isNotEmpty();
    }

    @Test
    void oversizedChunkedBodyWithoutContentLength() {
        byte[] body = bigJson(2 * CAP).getBytes(StandardCharsets.UTF_8);
        Http.Answer a = Http.send(HttpRequest.newBuilder(URI.create(mock.decthingsBaseUrl() + "/Model/createModel"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertThat(Decthings.decode("createModel", a).path("error").path("parameterName").asText())
                .isEqualTo("body");
    }

    @Test
    void anH2cUpgradeRequestIsCappedLikeAnyOther() throws Exception {
        // Java's HttpClient in its default HTTP/2 mode sends "Upgrade: h2c" on plain HTTP; the mock stays on HTTP/1.1.
        HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(mock.decthingsBaseUrl() + "/Model/createModel"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(bigJson(CAP + 10))).build();
        HttpResponse<String> r = h2.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        JsonNode error = Decthings.JSON.readTree(r.body()).path("error");
        assertThat(error.path("parameterName").asText()).isEqualTo("body");
        assertThat(error.path("reason").asText()).contains("exceeds the mock's limit");
    }

    @Test
    void oversizedPiecesBodyIsTheDeclared500() {
        Http.Answer a = Http.postJson(mock.piecesBaseUrl() + "/models/create", bigJson(CAP + 1));
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.contentType()).startsWith("text/plain");
        assertThat(a.text()).contains("exceeds the mock's limit");
    }

    @Test
    void gzipBodiesAreDecodedUnderTheSameCap() throws Exception {
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(zipped)) {
            gz.write(bigJson(4 * CAP).getBytes(StandardCharsets.UTF_8)); // compresses to a few hundred bytes
        }
        Http.Answer bomb = Http.post(mock.decthingsBaseUrl() + "/Model/createModel", "application/json",
                zipped.toByteArray(), "Content-Encoding", "gzip");
        assertThat(Decthings.decode("createModel", bomb).path("error").path("reason").asText())
                .contains("exceeds the mock's limit");

        java.io.ByteArrayOutputStream small = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(small)) {
            gz.write("{\"limit\":1}".getBytes(StandardCharsets.UTF_8));
        }
        Http.Answer ok = Http.post(mock.decthingsBaseUrl() + "/Model/getModels", "application/json",
                small.toByteArray(), "Content-Encoding", "gzip");
        assertThat(Decthings.decode("getModels", ok).path("result").path("limit").asInt()).isEqualTo(1);
    }
}
