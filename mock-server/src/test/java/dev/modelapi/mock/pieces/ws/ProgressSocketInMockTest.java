package dev.modelapi.mock.pieces.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelapi.mock.ModelApiMock;
import dev.modelapi.mock.pieces.download.ProgressSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The progress WebSocket inside the real mock ({@link ModelApiMock}, real time): a Pieces client's flow — open the
 * socket, POST the download, read frames until COMPLETED, see {@code downloaded: true}.
 */
class ProgressSocketInMockTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static ModelApiMock mock;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        mock = ModelApiMock.builder().bind("127.0.0.1").port(0).seed(5).build().start();
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    static HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(mock.piecesBaseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A local model of the seeded catalogue that is not downloaded yet. */
    static String notDownloadedLocalModel() throws Exception {
        for (String id : mock.piecesModelIds()) {
            JsonNode model = JSON.readTree(send("GET", "/model/" + id).body());
            if (!model.path("downloaded").asBoolean() && !model.path("cloud").asBoolean()) {
                return id;
            }
        }
        throw new AssertionError("The seeded catalogue has no local model that is not downloaded");
    }

    @Test
    void aClientSeesTheWholeDownloadOnTheHttpPort() throws Exception {
        String id = notDownloadedLocalModel();
        URI ws = mock.progressWebSocketUri(id);
        assertThat(ws.getPort()).isEqualTo(mock.port());
        try (WsClient client = WsClient.connect(http, ws)) {
            assertThat(send("POST", "/model/" + id + "/download").statusCode()).isEqualTo(200);

            List<String> frames = client.until("\"COMPLETED\"");

            List<String> statuses = new ArrayList<>();
            double last = -1;
            for (String f : frames) {
                ProgressSchema.assertValid(f);
                JsonNode n = JSON.readTree(f);
                statuses.add(n.get("status").asText());
                if (n.has("percentage")) {
                    assertThat(n.get("percentage").asDouble()).isGreaterThanOrEqualTo(last);
                    last = n.get("percentage").asDouble();
                }
            }
            // The socket may have been subscribed just after INITIALIZED was sent: then its first frame is the
            // current state. Either way: INITIALIZED or IN-PROGRESS first, IN-PROGRESS in between, COMPLETED last.
            assertThat(statuses.get(0)).isIn("INITIALIZED", "IN-PROGRESS");
            assertThat(statuses.subList(1, statuses.size() - 1)).allSatisfy(s -> assertThat(s).isEqualTo("IN-PROGRESS"));
            assertThat(statuses.get(statuses.size() - 1)).isEqualTo("COMPLETED");
            assertThat(last).isEqualTo(100.0);

            JsonNode model = JSON.readTree(send("GET", "/model/" + id).body());
            assertThat(model.path("downloaded").asBoolean()).isTrue();
            assertThat(model.path("downloading").asBoolean()).isFalse();

            HttpResponse<String> snapshot = send("GET", "/model/" + id + "/download/progress");
            assertThat(snapshot.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(snapshot.body()).path("status").asText()).isEqualTo("COMPLETED");
            ProgressSchema.assertValid(snapshot.body());
            assertThat(client.closed).isNotDone();
        }
    }

    @Test
    void anUnknownModelIsClosedWith4410() throws Exception {
        try (WsClient client = WsClient.connect(http, mock.progressWebSocketUri("00000000-0000-0000-0000-000000000000"))) {
            assertThat(JSON.readTree(client.next()).path("status").asText()).isEqualTo("UNKNOWN");
            assertThat(client.awaitClose()).isEqualTo(new WsClient.Close(4410, "model was not found."));
        }
    }
}
