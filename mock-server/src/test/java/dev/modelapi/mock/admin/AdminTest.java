package dev.modelapi.mock.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelapi.mock.ModelApiMock;
import dev.modelapi.mock.junit.DecthingsUrl;
import dev.modelapi.mock.junit.ModelApiMockTest;
import dev.modelapi.mock.support.Decthings;
import dev.modelapi.mock.support.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** WireMock's admin API stays; the mock adds reset/reseed and a description. */
@ModelApiMockTest(seed = 5)
class AdminTest {

    private static final String CREATE = "{\"name\":\"n\",\"description\":\"d\",\"options\":{\"type\":\"code\","
            + "\"language\":\"python\"}}";

    @Test
    void resetAndReseed(@DecthingsUrl String base, ModelApiMock mock) throws Exception {
        Decthings d = Decthings.json(base);
        String first = d.result("createModel", CREATE).path("modelId").asText();
        Http.Answer reset = Http.postJson(mock.baseUrl() + "/__admin/modelapi/reset", "");
        assertThat(reset.status()).isEqualTo(200);
        assertThat(Decthings.JSON.readTree(reset.body()).path("seed").asLong()).isEqualTo(5);
        assertThat(d.result("createModel", CREATE).path("modelId").asText()).isEqualTo(first);

        Http.Answer reseed = Http.postJson(mock.baseUrl() + "/__admin/modelapi/reset", "{\"seed\":6}");
        assertThat(Decthings.JSON.readTree(reseed.body()).path("seed").asLong()).isEqualTo(6);
        assertThat(mock.seed()).isEqualTo(6);
        assertThat(d.result("createModel", CREATE).path("modelId").asText()).isNotEqualTo(first);
        assertThat(Http.postJson(mock.baseUrl() + "/__admin/modelapi/reset", "{\"seed\":\"x\"}").status())
                .isEqualTo(400);
    }

    @Test
    void describeAndWireMocksOwnAdmin(ModelApiMock mock) throws Exception {
        JsonNode info = Decthings.JSON.readTree(Http.get(mock.baseUrl() + "/__admin/modelapi").body());
        assertThat(info.path("mode").asText()).isEqualTo("simulate");
        assertThat(info.path("decthingsBaseUrl").asText()).isEqualTo(mock.decthingsBaseUrl());
        assertThat(info.path("persistentLaunchers")).hasSize(2);
        assertThat(info.path("piecesModels").size()).isGreaterThanOrEqualTo(10);
        JsonNode mappings = Decthings.JSON.readTree(Http.get(mock.baseUrl() + "/__admin/mappings").body());
        assertThat(mappings.path("meta").path("total").asInt()).isGreaterThan(700);
        assertThat(Http.get(mock.baseUrl() + "/__admin/health").status()).isEqualTo(200);
    }

    @Test
    void wireMocksResetKeepsTheMocksStubs(@DecthingsUrl String base, ModelApiMock mock) {
        assertThat(Http.postJson(mock.baseUrl() + "/__admin/reset", "").status()).isEqualTo(200);
        assertThat(Decthings.json(base).result("getModels", "{}").path("total").asInt()).isEqualTo(2);
        assertThat(Decthings.json(base, "Prefer", "code=unknown").error("getModels", "{}").path("code").asText())
                .isEqualTo("unknown");
    }
}
