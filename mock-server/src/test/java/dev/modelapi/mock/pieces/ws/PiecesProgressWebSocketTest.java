package dev.modelapi.mock.pieces.ws;

import dev.modelapi.decthings.client.wire.BlobMapping;
import dev.modelapi.mock.server.MockHttpServerFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.modelapi.mock.pieces.download.DownloadManager;
import dev.modelapi.mock.pieces.download.ManualDownloadScheduler;
import dev.modelapi.mock.pieces.download.ProgressFrame;
import dev.modelapi.mock.pieces.download.ProgressSchema;
import dev.modelapi.mock.pieces.download.ProgressStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The progress WebSocket on a real WireMock server on 127.0.0.1, driven by a manual clock. */
class PiecesProgressWebSocketTest {

    static final Duration TICK = Duration.ofMillis(100);
    static final Set<String> CATALOGUE = Set.of("m1", "m2", "seeded", "with space");

    /** What the core's Pieces handler does for a plain GET of the progress path. */
    static final class SnapshotTransformer implements ResponseDefinitionTransformerV2 {
        final DownloadManager downloads;

        SnapshotTransformer(DownloadManager downloads) {
            this.downloads = downloads;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            String id = PiecesProgressWebSocket.modelIdOf(serveEvent.getRequest().getUrl());
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody(downloads.snapshotJson(id)).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return "progress-snapshot";
        }
    }

    final ManualDownloadScheduler clock = new ManualDownloadScheduler();
    final DownloadManager downloads = DownloadManager.builder().seed(3).tick(TICK).scheduler(clock).build();
    final List<String> emitted = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();
    final List<WsClient> clients = Collections.synchronizedList(new ArrayList<>());
    WireMockServer server;

    @BeforeEach
    void start() {
        downloads.addListener((id, frame) -> emitted.add(id + " " + frame.toJson()));
        downloads.markDownloaded("seeded");
        PiecesProgressWebSocket ws = new PiecesProgressWebSocket(downloads, CATALOGUE::contains);
        server = new WireMockServer(wireMockConfig()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .httpServerFactory(new MockHttpServerFactory(Long.MAX_VALUE, BlobMapping.load(), List.of(ws::install)))
                .extensions(new SnapshotTransformer(downloads)));
        server.start();
        server.stubFor(get(urlPathMatching("/model/[^/]+/download/progress"))
                .willReturn(aResponse().withTransformers("progress-snapshot")));
    }

    @AfterEach
    void stop() {
        clients.forEach(WsClient::close);
        server.stop();
        downloads.close();
    }

    URI ws(String modelId) {
        return URI.create("ws://127.0.0.1:" + server.port() + "/model/" + modelId.replace(" ", "%20")
                + "/download/progress");
    }

    WsClient connect(String modelId) throws InterruptedException {
        int before = downloads.subscriberCount(modelId);
        WsClient c = WsClient.connect(http, ws(modelId));
        clients.add(c);
        if (CATALOGUE.contains(modelId)) {
            awaitSubscribers(modelId, before + 1);
        }
        return c;
    }

    /** The server subscribes in onWebSocketConnect, which may run just after the client's handshake completes. */
    void awaitSubscribers(String modelId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WsClient.WAIT.toNanos();
        while (downloads.subscriberCount(modelId) != count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("subscribers of " + modelId + ": " + downloads.subscriberCount(modelId)
                        + ", expected " + count);
            }
            Thread.sleep(5);
        }
    }

    List<String> emittedFor(String modelId) {
        List<String> out = new ArrayList<>();
        for (String e : emitted) {
            if (e.startsWith(modelId + " ")) {
                out.add(e.substring(modelId.length() + 1));
            }
        }
        return out;
    }

    @Test
    void aDownloadIsStreamedFrameByFrameOnTheHttpPort() throws Exception {
        WsClient client = connect("m1");
        downloads.start("m1");
        clock.runUntilIdle();

        List<String> received = client.until("COMPLETED");

        assertThat(received).isEqualTo(emittedFor("m1"));
        assertThat(received.get(0)).contains("\"INITIALIZED\"");
        assertThat(received.size()).isGreaterThan(3);
        received.forEach(ProgressSchema::assertValid);
        // The server keeps the socket open after the terminal frame.
        assertThat(client.closed).isNotDone();
        assertThat(client.socket.isInputClosed()).isFalse();
    }

    @Test
    void webSocketAndHttpShareOnePort() throws Exception {
        WsClient client = connect("m1");
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/__admin/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(client.socket.isInputClosed()).isFalse();
        assertThat(ws("m1").getPort()).isEqualTo(server.port());
    }

    @Test
    void aPlainGetWithoutUpgradeReachesWireMockAndGetsTheSnapshot() throws Exception {
        downloads.start("m1");
        clock.advance(TICK);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/model/m1/download/progress")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body()).isEqualTo(downloads.snapshotJson("m1")).contains("IN-PROGRESS");
        ProgressSchema.assertValid(r.body());
        assertThat(server.getAllServeEvents()).hasSize(1);
    }

    @Test
    void cancelIsStreamedAsCanceled() throws Exception {
        WsClient client = connect("m1");
        downloads.start("m1");
        clock.advance(TICK.multipliedBy(2));
        downloads.cancel("m1");

        List<String> received = client.until("CANCELED");
        assertThat(received).isEqualTo(emittedFor("m1")).hasSize(4);
        assertThat(received.get(3)).isEqualTo(ProgressFrame.of(ProgressStatus.CANCELED).toJson());
    }

    @Test
    void aLateSocketFirstGetsTheCurrentState() throws Exception {
        downloads.start("m1");
        clock.advance(TICK.multipliedBy(3));
        List<String> soFar = emittedFor("m1");

        WsClient late = connect("m1");
        assertThat(late.next()).isEqualTo(soFar.get(soFar.size() - 1));

        clock.runUntilIdle();
        List<String> rest = late.until("COMPLETED");
        List<String> all = emittedFor("m1");
        assertThat(rest).isEqualTo(all.subList(soFar.size(), all.size()));
    }

    @Test
    void twoDownloadsOnTwoSocketsAndTwoSocketsOnOneModel() throws Exception {
        WsClient a1 = connect("m1");
        WsClient a2 = connect("m1");
        WsClient b = connect("m2");
        downloads.start("m1");
        clock.advance(TICK.plusMillis(50));
        downloads.start("m2");
        clock.runUntilIdle();

        List<String> m1 = a1.until("COMPLETED");
        assertThat(a2.until("COMPLETED")).isEqualTo(m1);
        List<String> m2 = b.until("COMPLETED");
        assertThat(m1).isEqualTo(emittedFor("m1"));
        assertThat(m2).isEqualTo(emittedFor("m2"));
        assertThat(downloads.status("m1").downloaded()).isTrue();
        assertThat(downloads.status("m2").downloaded()).isTrue();
        assertThat(b.messages).isEmpty();
    }

    @Test
    void anUnknownModelGetsUnknownAndA4410Close() throws Exception {
        WsClient client = connect("no-such-model");
        String first = client.next();
        assertThat(first).isEqualTo(ProgressFrame.of(ProgressStatus.UNKNOWN).toJson());
        ProgressSchema.assertValid(first);
        assertThat(client.awaitClose()).isEqualTo(new WsClient.Close(4410, "model was not found."));
        assertThat(downloads.subscriberCount("no-such-model")).isZero();
    }

    @Test
    void anIdleSocketOfADownloadedModelGetsNothingAndStaysOpen() throws Exception {
        WsClient client = connect("seeded");
        // Something the client should not send is ignored; a ping round trip proves the socket is alive and idle.
        client.socket.sendText("hello?", true).join();
        client.socket.sendPing(java.nio.ByteBuffer.wrap(new byte[] {1})).join();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/model/seeded/download/progress")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).contains("\"COMPLETED\"");
        assertThat(client.messages).isEmpty();
        assertThat(client.closed).isNotDone();
    }

    @Test
    void closingTheSocketUnsubscribes() throws Exception {
        WsClient client = connect("m1");
        client.socket.sendClose(1000, "done").join();
        client.awaitClose();
        awaitSubscribers("m1", 0);
        downloads.start("m1");
        clock.runUntilIdle();
        assertThat(downloads.status("m1").downloaded()).isTrue();
    }

    @Test
    void percentEncodedModelIdsAreDecoded() throws Exception {
        WsClient client = connect("with space");
        downloads.start("with space");
        assertThat(client.next()).contains("INITIALIZED");
    }

    @Test
    void modelIdOfParsesOnlyProgressPaths() {
        assertThat(PiecesProgressWebSocket.modelIdOf("/model/abc/download/progress")).isEqualTo("abc");
        assertThat(PiecesProgressWebSocket.modelIdOf("/model/a%2Fb/download/progress")).isEqualTo("a/b");
        assertThat(PiecesProgressWebSocket.modelIdOf("/model/a+b/download/progress")).isEqualTo("a+b");
        assertThat(PiecesProgressWebSocket.modelIdOf("/model/abc/download/progress?x=1")).isNull();
        assertThat(PiecesProgressWebSocket.modelIdOf("/model/abc/download")).isNull();
        assertThat(PiecesProgressWebSocket.modelIdOf(null)).isNull();
        assertThat(PiecesProgressWebSocket.modelIdOf("/model/a%zz/download/progress")).isEqualTo("a%zz");
    }
}
