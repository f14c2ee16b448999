package dev.modelapi.pieces.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.modelapi.pieces.client.invoker.ApiException;
import dev.modelapi.pieces.client.model.Model;
import dev.modelapi.pieces.client.model.ModelFoundationEnum;
import dev.modelapi.pieces.client.model.ModelTypeEnum;
import dev.modelapi.pieces.client.model.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generated Pieces REST client behind {@link PiecesClient}, against a real WireMock on loopback. */
class PiecesClientTest {

    static final String MODEL_JSON = "{\"id\":\"m-1\",\"version\":\"2024-08-06\","
            + "\"created\":{\"value\":\"2024-05-13T18:30:00Z\",\"readable\":\"May 13th\"},"
            + "\"name\":\"Llama 3 8B\",\"cloud\":false,\"type\":\"SPEED\",\"usage\":\"CODE_CONVERSATION\","
            + "\"foundation\":\"LLAMA_9_NEXT\",\"downloaded\":false,\"loaded\":false,\"parameters\":null}";

    /** WireMock on loopback, one per class, reset before each test by the extension. */
    @RegisterExtension
    static final WireMockExtension wm = WireMockExtension.newInstance()
            .options(options().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static PiecesClient client(String applicationId) {
        return PiecesClient.builder().baseUrl("http://127.0.0.1:" + wm.getPort()).applicationId(applicationId).build();
    }

    @Test
    void defaults() {
        PiecesClient client = PiecesClient.builder().build();
        assertThat(client.baseUrl()).isEqualTo(URI.create("http://localhost:39300"));
        assertThat(client.progressUri("a b")).isEqualTo(URI.create("ws://localhost:39300/model/a%20b/download/progress"));
        assertThat(PiecesClient.builder().baseUrl("https://pieces.example/os/").build().progressUri("m"))
                .isEqualTo(URI.create("wss://pieces.example/os/model/m/download/progress"));
    }

    @Test
    void downloadSendsTheApplicationIdAndReadsTheModel() throws Exception {
        wm.stubFor(post("/model/m-1/download").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(MODEL_JSON)));

        Model model = client("my-app").model().modelSpecificModelDownload("m-1");

        assertThat(model.getId()).isEqualTo("m-1");
        assertThat(model.getType()).isSameAs(ModelTypeEnum.SPEED);
        // a foundation model newer than this SDK keeps its name
        assertThat(model.getFoundation().isKnown()).isFalse();
        assertThat(model.getFoundation()).isEqualTo(ModelFoundationEnum.fromValue("LLAMA_9_NEXT"));
        assertThat(model.getCreated().getValue().getYear()).isEqualTo(2024);
        wm.verify(postRequestedFor(urlEqualTo("/model/m-1/download")).withHeader("X-Application-ID", equalTo("my-app")));
    }

    @Test
    void applicationIdIsOptional() throws Exception {
        wm.stubFor(get("/models").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"iterable\":[" + MODEL_JSON + "]}")));

        Models models = client(null).models().modelsSnapshot();

        assertThat(models.getIterable()).extracting(Model::getName).containsExactly("Llama 3 8B");
        wm.verify(getRequestedFor(urlEqualTo("/models")).withHeader("X-Application-ID", absent()));
    }

    @Test
    void goneModelIsAnApiExceptionWithThePlainTextBody() {
        wm.stubFor(get("/model/nope").willReturn(aResponse().withStatus(410)
                .withHeader("Content-Type", "text/plain").withBody("model was not found.")));

        assertThatThrownBy(() -> client("my-app").model().modelsSpecificModelSnapshot("nope"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(410);
                    assertThat(e.getResponseBody()).isEqualTo("model was not found.");
                });
    }
}
