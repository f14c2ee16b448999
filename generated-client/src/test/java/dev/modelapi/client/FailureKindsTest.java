package dev.modelapi.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.modelapi.decthings.client.DecthingsClient;
import dev.modelapi.decthings.client.Transport;
import dev.modelapi.decthings.client.model.GetModelsRequest;
import dev.modelapi.decthings.client.model.GetModelsResponse;
import dev.modelapi.pieces.client.PiecesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.ExecutionException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The three ways a call fails, told apart by type: an API error (the envelope's {@code error}), an HTTP error
 * ({@code ApiException} with the status) and no answer ({@link TransportException}); plus the JSON transport's
 * local-host guard.
 */
class FailureKindsTest {

    @RegisterExtension
    static final WireMockExtension wm = WireMockExtension.newInstance()
            .options(options().bindAddress("127.0.0.1").dynamicPort())
            .build();

    /** A loopback port nobody listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static DecthingsClient decthings(String baseUrl, Transport transport) {
        return DecthingsClient.builder().baseUrl(baseUrl).apiKey("k").transport(transport).build();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anApiErrorIsTheEnvelopesError(Transport transport) throws Exception {
        wm.stubFor(post("/v0/Model/getModels").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"bad_credentials\"}}")));
        GetModelsResponse r = decthings(wm.baseUrl() + "/v0", transport).model().getModels(new GetModelsRequest());
        assertThat(r.getResult()).isNull();
        assertThat(r.getError().getCode()).isEqualTo("bad_credentials");
    }

    @Test
    void anHttpErrorIsAnApiExceptionWithTheStatus() {
        wm.stubFor(post("/v0/Model/getModels").willReturn(aResponse().withStatus(500).withBody("boom")));
        assertThatThrownBy(() -> decthings(wm.baseUrl() + "/v0", Transport.BINARY).model()
                .getModels(new GetModelsRequest()))
                .isInstanceOfSatisfying(dev.modelapi.decthings.client.invoker.ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(500);
                    assertThat(e.getResponseBody()).isEqualTo("boom");
                });
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void noAnswerIsATransportExceptionSyncAndAsync(Transport transport) throws IOException {
        DecthingsClient client = decthings("http://127.0.0.1:" + closedPort() + "/v0", transport);
        assertThatThrownBy(() -> client.model().getModels(new GetModelsRequest()))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.httpMethod()).isEqualTo("POST");
                    assertThat(e.uri().getPath()).isEqualTo("/v0/Model/getModels");
                    assertThat(e.getMessage()).contains("got no answer").contains("ConnectException");
                });
        assertThatThrownBy(() -> client.modelAsync().getModels(new GetModelsRequest()).get())
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(TransportException.in(e)).isPresent());
    }

    @Test
    void piecesNoAnswerIsATransportExceptionToo() throws IOException {
        PiecesClient pieces = PiecesClient.builder().baseUrl("http://127.0.0.1:" + closedPort()).build();
        assertThatThrownBy(() -> pieces.models().modelsSnapshot()).isInstanceOf(TransportException.class);
        assertThatThrownBy(() -> pieces.modelsAsync().modelsSnapshot().get())
                .satisfies(e -> assertThat(TransportException.in(e)).isPresent());
        assertThat(TransportException.in(new RuntimeException("no"))).isEmpty();
    }

    @Test
    void theJsonTransportIsRefusedForANonLocalHostUnlessForced() {
        assertThatThrownBy(() -> decthings(DecthingsClient.DEFAULT_BASE_URL.toString(), Transport.JSON))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("api.decthings.com")
                .hasMessageContaining("jsonTransportToAnyHost(true)");
        assertThat(DecthingsClient.builder().baseUrl("https://mock.example.test/v0").transport(Transport.JSON)
                .jsonTransportToAnyHost(true).build().transport()).isEqualTo(Transport.JSON);
        assertThat(decthings(DecthingsClient.DEFAULT_BASE_URL.toString(), Transport.BINARY).transport())
                .isEqualTo(Transport.BINARY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/v0", "http://127.0.0.1/v0", "http://127.8.9.10/v0",
            "http://[::1]:9/v0", "http://0.0.0.0/v0", "http://mock.localhost/v0"})
    void localHostsMayUseTheJsonTransport(String url) {
        assertThat(decthings(url, Transport.JSON).transport()).isEqualTo(Transport.JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.5/v0", "http://localhost.example.com/v0", "http://192.168.1.2/v0"})
    void otherHostsMayNot(String url) {
        assertThatThrownBy(() -> decthings(url, Transport.JSON)).isInstanceOf(IllegalStateException.class);
    }
}
