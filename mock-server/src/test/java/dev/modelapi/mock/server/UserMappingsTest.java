package dev.modelapi.mock.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelapi.mock.ModelApiMock;
import dev.modelapi.mock.support.Decthings;
import dev.modelapi.mock.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --mappings DIR}: user stubs beat the simulation; a Decthings stub written in JSON answers binary clients
 * framed, and its body matchers see the decoded request.
 */
class UserMappingsTest {

    private static final String STUB = """
            {"mappings": [
              {"request": {"method": "POST", "urlPath": "/v0/Model/getModelState",
                           "bodyPatterns": [{"matchesJsonPath": "$[?(@.modelId == 'special')]"}]},
               "response": {"status": 200, "jsonBody": {"result": {"data": [{"key": "k", "data": "AQID"}]}}}},
              {"request": {"method": "GET", "urlPath": "/custom/thing"},
               "response": {"status": 418, "body": "teapot"}}
            ]}
            """;

    @Test
    void wireMockRootLayout(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("mappings"));
        Files.writeString(dir.resolve("mappings/user.json"), STUB);
        check(dir);
    }

    @Test
    void flatFolderOfMappingFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("user.json"), STUB);
        check(dir);
    }

    private static void check(Path dir) {
        try (ModelApiMock mock = ModelApiMock.builder().port(0).mappingsDir(dir).validateResponses(true).build()
                .start()) {
            Http.Answer framed = Decthings.framed(mock.decthingsBaseUrl()).raw("getModelState",
                    "{\"modelId\":\"special\"}");
            assertThat(framed.contentType()).isEqualTo("application/octet-stream");
            dev.modelapi.decthings.client.wire.ResponseFrame frame =
                    dev.modelapi.decthings.client.wire.ResponseFrame.decode(framed.body());
            assertThat(frame.blobBytes(0)).containsExactly(1, 2, 3);
            JsonNode json = Decthings.json(mock.decthingsBaseUrl()).call("getModelState", "{\"modelId\":\"special\"}");
            assertThat(json.path("result").path("data").get(0).path("data").asText()).isEqualTo("AQID");
            // other requests still reach the simulation
            assertThat(Decthings.json(mock.decthingsBaseUrl()).error("getModelState", "{\"modelId\":\"other\"}")
                    .path("code").asText()).isEqualTo("model_not_found");
            assertThat(Http.get(mock.baseUrl() + "/custom/thing").status()).isEqualTo(418);
            mock.reset(); // WireMock's reset reloads the user mappings
            assertThat(Http.get(mock.baseUrl() + "/custom/thing").status()).isEqualTo(418);
            assertThat(mock.conformanceViolations()).isEmpty();
        }
    }
}
