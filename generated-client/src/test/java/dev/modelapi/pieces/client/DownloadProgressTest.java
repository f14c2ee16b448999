package dev.modelapi.pieces.client;

import dev.modelapi.pieces.client.model.ModelDownloadProgress;
import dev.modelapi.pieces.client.model.ModelDownloadProgressStatusEnum;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link PiecesClient#downloadProgress} against a real WebSocket server on loopback (Java-WebSocket). */
class DownloadProgressTest {

    private ProgressServer server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.stop(1000);
        }
    }

    /** Runs {@code script} on each accepted connection; records what the server saw. */
    static final class ProgressServer extends WebSocketServer {
        final Consumer<WebSocket> script;
        final CountDownLatch started = new CountDownLatch(1);
        final BlockingQueue<String> paths = new LinkedBlockingQueue<>();
        final BlockingQueue<String> applicationIds = new LinkedBlockingQueue<>();
        final BlockingQueue<String> closes = new LinkedBlockingQueue<>();

        ProgressServer(Consumer<WebSocket> script) {
            super(new InetSocketAddress("127.0.0.1", 0));
            this.script = script;
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            paths.add(handshake.getResourceDescriptor());
            applicationIds.add(handshake.hasFieldValue("X-Application-ID") ? handshake.getFieldValue("X-Application-ID") : "<none>");
            script.accept(conn);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            closes.add(code + (remote ? " by client" : " by server"));
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }

    private PiecesClient startServer(Consumer<WebSocket> script, String applicationId) throws InterruptedException {
        server = new ProgressServer(script);
        server.start();
        assertThat(server.started.await(10, TimeUnit.SECONDS)).isTrue();
        return PiecesClient.builder()
                .baseUrl("http://127.0.0.1:" + server.getPort())
                .applicationId(applicationId)
                .build();
    }

    @Test
    void deliversTypedEventsAndCompletesOnCompleted() throws Exception {
        PiecesClient client = startServer(conn -> {
            conn.send("{\"status\":\"INITIALIZED\"}");
            conn.send("{\"status\":\"IN-PROGRESS\",\"percentage\":10}");
            conn.send("{\"status\":\"IN-PROGRESS\",\"percentage\":55.5}");
            conn.send("{\"status\":\"VERIFYING\"}");   // a status newer than this SDK: delivered, not terminal
            conn.send("{\"status\":\"COMPLETED\",\"percentage\":100}");
        }, "my-app");

        List<ModelDownloadProgress> events = new CopyOnWriteArrayList<>();
        ModelDownloadProgress last = client.downloadProgress("m-1", events::add).get(10, TimeUnit.SECONDS);

        assertThat(last.getStatus()).isSameAs(ModelDownloadProgressStatusEnum.COMPLETED);
        assertThat(events).extracting(e -> e.getStatus().getValue())
                .containsExactly("INITIALIZED", "IN-PROGRESS", "IN-PROGRESS", "VERIFYING", "COMPLETED");
        assertThat(events.get(2).getPercentage()).isEqualByComparingTo("55.5");
        assertThat(events.get(3).getStatus().isKnown()).isFalse();
        assertThat(events.get(4)).isSameAs(last);
        assertThat(server.paths.take()).isEqualTo("/model/m-1/download/progress");
        assertThat(server.applicationIds.take()).isEqualTo("my-app");
        // the client closes the socket itself once it has the terminal status
        assertThat(server.closes.poll(10, TimeUnit.SECONDS)).isEqualTo("1000 by client");
    }

    @Test
    void failedAndCanceledAreTerminalToo() throws Exception {
        for (String terminal : List.of("FAILED", "CANCELED")) {
            PiecesClient client = startServer(conn -> {
                conn.send("{\"status\":\"IN-PROGRESS\",\"percentage\":3}");
                conn.send("{\"status\":\"" + terminal + "\"}");
                conn.send("{\"status\":\"IN-PROGRESS\",\"percentage\":4}");
            }, null);
            List<ModelDownloadProgress> events = new CopyOnWriteArrayList<>();
            ModelDownloadProgress last = client.downloadProgress("m-2", events::add).get(10, TimeUnit.SECONDS);
            assertThat(last.getStatus().getValue()).isEqualTo(terminal);
            assertThat(events).hasSize(2);
            assertThat(server.applicationIds.take()).isEqualTo("<none>");
            server.stop(1000);
        }
    }

    @Test
    void closingBeforeATerminalStatusFailsTheFuture() throws Exception {
        PiecesClient client = startServer(conn -> {
            conn.send("{\"status\":\"IN-PROGRESS\",\"percentage\":3}");
            conn.close(1011, "download service crashed");
        }, null);
        List<ModelDownloadProgress> events = new CopyOnWriteArrayList<>();
        CompletableFuture<ModelDownloadProgress> future = client.downloadProgress("m-3", events::add);
        assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IOException.class)
                .hasMessageContaining("1011");
        assertThat(events).hasSize(1);
    }

    @Test
    void aFrameThatIsNotAProgressEventFailsTheFuture() throws Exception {
        PiecesClient client = startServer(conn -> conn.send("not json"), null);
        CompletableFuture<ModelDownloadProgress> future = client.downloadProgress("m-4", e -> { });
        assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(server.closes.poll(10, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void cancellingTheFutureClosesTheSocket() throws Exception {
        CountDownLatch opened = new CountDownLatch(1);
        PiecesClient client = startServer(conn -> {
            conn.send("{\"status\":\"INITIALIZED\"}");
            opened.countDown();
        }, null);
        CompletableFuture<ModelDownloadProgress> future = client.downloadProgress("m-5", e -> { });
        assertThat(opened.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        future.cancel(true);
        assertThat(server.closes.poll(10, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void aRefusedConnectionFailsTheFuture() throws Exception {
        PiecesClient client = startServer(conn -> { }, null);
        int port = server.getPort();
        server.stop(1000);
        server = null;
        PiecesClient dead = PiecesClient.builder().baseUrl("http://127.0.0.1:" + port).build();
        assertThatThrownBy(() -> dead.downloadProgress("m-6", e -> { }).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
        assertThat(client).isNotNull();
    }
}
