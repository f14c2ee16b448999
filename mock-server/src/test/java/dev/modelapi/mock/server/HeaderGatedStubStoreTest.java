package dev.modelapi.mock.server;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** Real WireMock on loopback with the gated stub store: the shortcut never changes which stub answers. */
class HeaderGatedStubStoreTest {

    private WireMockServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        WireMockConfiguration config = wireMockConfig().dynamicPort().bindAddress("127.0.0.1");
        config.withStores(new MockStores(config.getStores(), 1000));
        server = new WireMockServer(config);
        server.start();
        server.stubFor(any(anyUrl()).atPriority(9).willReturn(aResponse().withBody("fallback")));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void gatedStubAnswersOnlyWhenItsHeaderIsSent() throws Exception {
        server.stubFor(get(urlEqualTo("/x")).atPriority(1).withHeader("Prefer", matching(".*example=a.*"))
                .willReturn(aResponse().withBody("example a")));
        server.stubFor(get(urlEqualTo("/x")).atPriority(2).withHeader("X-Mode", equalTo("fast"))
                .willReturn(aResponse().withBody("fast")));

        assertThat(body("/x")).isEqualTo("fallback");
        assertThat(body("/x", "prefer", "example=a")).isEqualTo("example a");
        assertThat(body("/x", "Prefer", "example=b")).isEqualTo("fallback");
        assertThat(body("/x", "x-mode", "fast")).isEqualTo("fast");
        // Both gating headers: priority decides, as without the shortcut.
        assertThat(body("/x", "Prefer", "example=a", "X-Mode", "fast")).isEqualTo("example a");
    }

    @Test
    void absentAndOtherPatternsAreNeverSkipped() throws Exception {
        server.stubFor(get(urlEqualTo("/y")).atPriority(1).withHeader("Prefer", absent())
                .willReturn(aResponse().withBody("no prefer")));
        server.stubFor(get(urlEqualTo("/y")).atPriority(2).withHeader("Prefer", matching(".*"))
                .willReturn(aResponse().withBody("any prefer")));

        assertThat(body("/y")).isEqualTo("no prefer");
        assertThat(body("/y", "Prefer", "code=404")).isEqualTo("any prefer");
    }

    @Test
    void stubsAddedEditedAndRemovedAfterServingAreSeen() throws Exception {
        assertThat(body("/z")).isEqualTo("fallback");
        StubMapping plain = server.stubFor(get(urlEqualTo("/z")).atPriority(3)
                .willReturn(aResponse().withBody("added")));
        assertThat(body("/z")).isEqualTo("added");

        server.editStub(get(urlEqualTo("/z")).withId(plain.getId()).atPriority(3).withHeader("Prefer", equalTo("v"))
                .willReturn(aResponse().withBody("edited")));
        assertThat(body("/z")).isEqualTo("fallback");
        assertThat(body("/z", "Prefer", "v")).isEqualTo("edited");

        server.removeStub(plain.getId());
        assertThat(body("/z", "Prefer", "v")).isEqualTo("fallback");

        server.resetMappings();
        assertThat(server.getStubMappings()).isEmpty();
        assertThat(send("/z").statusCode()).isEqualTo(404);
    }

    private String body(String path, String... headers) throws Exception {
        return send(path, headers).body();
    }

    private HttpResponse<String> send(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
