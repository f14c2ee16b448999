package dev.modelapi.mock.validation;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.modelapi.mock.ModelApiMock;
import dev.modelapi.mock.support.Decthings;
import dev.modelapi.mock.support.Http;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The listener that checks every served response really catches non-conformant ones. */
class ConformanceListenerTest {

    @Test
    void catchesWhatTheSpecDoesNotAllow() {
        try (ModelApiMock mock = ModelApiMock.builder().port(0).validateResponses(true).build().start()) {
            mock.wireMock().stubFor(WireMock.post(urlPathEqualTo("/v0/Model/deleteModel"))
                    .willReturn(aResponse().withStatus(200).withBody("{\"error\":{\"code\":\"teapot\"}}")));
            mock.wireMock().stubFor(WireMock.post(urlPathEqualTo("/v0/Model/getModels"))
                    .willReturn(aResponse().withStatus(200).withBody("{\"result\":{\"models\":[],\"extra\":1}}")));
            mock.wireMock().stubFor(WireMock.get(urlPathEqualTo("/models"))
                    .willReturn(aResponse().withStatus(404).withBody("nope")));
            Decthings.framed(mock.decthingsBaseUrl()).raw("deleteModel", "{\"modelId\":\"m\"}");
            Decthings.json(mock.decthingsBaseUrl()).raw("getModels", "{}");
            Http.get(mock.piecesBaseUrl() + "/models");
            assertThat(mock.conformanceViolations()).hasSize(3);
            assertThat(mock.conformanceViolations().get(0).violations().get(0).reason()).contains("teapot");
            assertThat(mock.conformanceViolations().get(1).toString()).contains("extra");
            assertThat(mock.conformanceViolations().get(2).violations().get(0).key())
                    .isEqualTo("validation.response.status.unknown");
            assertThat(mock.drainConformanceViolations()).hasSize(3);
            assertThat(mock.conformanceViolations()).isEmpty();
        }
    }

    @Test
    void dottedPaths() {
        assertThat(Violations.dotted("/options/params/0/data/data/3")).isEqualTo("options.params[0].data.data[3]");
        assertThat(Violations.dotted("")).isEmpty();
        assertThat(Violations.dotted("/a~1b/c~0d")).isEqualTo("a/b.c~d");
    }
}
