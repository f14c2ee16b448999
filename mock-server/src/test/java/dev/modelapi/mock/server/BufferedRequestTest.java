package dev.modelapi.mock.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.modelapi.mock.ModelApiMock;
import dev.modelapi.mock.support.Decthings;
import dev.modelapi.mock.support.Http;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies reach WireMock (matching, the journal, the handlers) as the client sent them, also when they start with the
 * gzip magic bytes, which WireMock un-gzips on sight.
 */
class BufferedRequestTest {

    private static final byte[] LOOKS_GZIPPED = {0x1f, (byte) 0x8b, 0x00, 'n', 'o', 't', ' ', 'g', 'z', 'i', 'p'};

    @Test
    void aJsonCallWhoseBodyLooksGzippedIsAnsweredAndJournaledAsSent() {
        try (ModelApiMock mock = ModelApiMock.builder().port(0).build().start()) {
            Http.Answer a = Http.post(mock.decthingsBaseUrl() + "/Model/getModels", "application/json", LOOKS_GZIPPED);
            JsonNode error = Decthings.decode("getModels", a).path("error");
            assertThat(error.path("code").asText()).isEqualTo("invalid_parameter");
            assertThat(error.path("parameterName").asText()).isEqualTo("body");

            List<ServeEvent> events = mock.wireMock().getAllServeEvents();
            assertThat(events).hasSize(1);
            assertThat(events.get(0).getRequest().getBody()).isEqualTo(LOOKS_GZIPPED);
            assertThat(events.get(0).getRequest().getHeader("Content-Length"))
                    .isEqualTo(Integer.toString(LOOKS_GZIPPED.length));
        }
    }

    @Test
    void aDecodedFrameIsJournaledAsItsLogicalJson() {
        try (ModelApiMock mock = ModelApiMock.builder().port(0).build().start()) {
            byte[] frame = Decthings.frame("getModels", "{\"limit\":1}");
            Http.Answer a = Http.post(mock.decthingsBaseUrl() + "/Model/getModels", Decthings.OCTET, frame);
            assertThat(Decthings.decode("getModels", a).path("result").path("limit").asInt()).isEqualTo(1);

            ServeEvent event = mock.wireMock().getAllServeEvents().get(0);
            assertThat(event.getRequest().getBodyAsString()).isEqualTo("{\"limit\":1}");
            assertThat(event.getRequest().getHeader("Content-Type")).isEqualTo(Decthings.OCTET);
            assertThat(event.getRequest().getHeader("X-ModelApi-Decoded")).isEqualTo("framed");
        }
    }
}
