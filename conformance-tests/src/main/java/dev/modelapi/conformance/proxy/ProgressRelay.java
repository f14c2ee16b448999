package dev.modelapi.conformance.proxy;

import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.checks.Findings;
import dev.modelapi.conformance.flows.ProgressSequence;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WebSocketListener;
import org.eclipse.jetty.websocket.api.WriteCallback;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * One client's download-progress socket: a second socket to the upstream, frames relayed both ways in order, each
 * upstream frame judged by the suite's {@link ProgressSequence} (schema, order, one terminal status), close codes
 * passed on. An upstream that cannot be reached closes the client's socket with 1011 and is reported.
 */
final class ProgressRelay implements WebSocketListener {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI upstream;
    private final ApiOperation operation;
    private final String path;
    private final ViolationLog log;
    private final Consumer<String> logLines;
    private final ProgressSequence sequence = ProgressSequence.ofObservedTraffic();
    private volatile Session client;
    private volatile CompletableFuture<WebSocket> upstreamSocket;

    ProgressRelay(URI upstream, ApiOperation operation, String path, ViolationLog log, Consumer<String> logLines) {
        this.upstream = upstream;
        this.operation = operation;
        this.path = path;
        this.log = log;
        this.logLines = logLines;
    }

    @Override
    public void onWebSocketConnect(Session session) {
        client = session;
        upstreamSocket = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(upstream, new UpstreamListener()).whenComplete((ws, failure) -> {
                    if (failure != null) {
                        String kind = "upstream-refused";
                        Violation v = new Violation(Api.PIECES.key(), operation.id(), kind, "",
                                "the upstream's progress socket " + upstream + " could not be opened",
                                "a WebSocket upgrade", String.valueOf(failure.getCause() == null ? failure
                                        : failure.getCause()), "GET", path, -1);
                        log.record(Api.PIECES, new TrafficJudge.Judgement(null, List.of(v), Map.of()));
                        logLines.accept("UPSTREAM pieces GET " + path + ": " + kind);
                        session.close(1011, "modelapi proxy: " + kind);
                    }
                });
    }

    @Override
    public void onWebSocketText(String message) {
        CompletableFuture<WebSocket> ws = upstreamSocket;
        if (ws != null) {
            ws.thenAccept(socket -> socket.sendText(message, true));
        }
    }

    @Override
    public void onWebSocketBinary(byte[] payload, int offset, int len) {
        CompletableFuture<WebSocket> ws = upstreamSocket;
        if (ws != null) {
            ws.thenAccept(socket -> socket.sendBinary(java.nio.ByteBuffer.wrap(payload, offset, len), true));
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        CompletableFuture<WebSocket> ws = upstreamSocket;
        if (ws != null) {
            int code = statusCode >= 1000 && statusCode != 1005 && statusCode != 1006 ? statusCode : WebSocket.NORMAL_CLOSURE;
            ws.thenAccept(socket -> socket.sendClose(code, reason == null ? "" : reason));
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        CompletableFuture<WebSocket> ws = upstreamSocket;
        if (ws != null) {
            ws.thenAccept(WebSocket::abort);
        }
    }

    /** Judges one upstream frame and records it as one exchange of the progress operation. */
    private void judge(String frame) {
        Findings findings = new Findings(null);
        synchronized (sequence) {
            sequence.accept(frame, findings);
        }
        List<Violation> violations = findings.list().stream()
                .map(f -> new Violation(Api.PIECES.key(), operation.id(), CheckId.WS_PROGRESS.key(), "",
                        f.problem(), f.expected(), f.actual(), "GET", path, 101))
                .toList();
        violations.forEach(v -> logLines.accept(v.logLine()));
        log.record(Api.PIECES, new TrafficJudge.Judgement(operation, violations,
                Map.of(CheckId.WS_PROGRESS, !violations.isEmpty())));
    }

    private final class UpstreamListener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                judge(frame);
                Session session = client;
                if (session != null && session.isOpen()) {
                    session.getRemote().sendString(frame, WriteCallback.NOOP);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            Session session = client;
            if (session != null && session.isOpen()) {
                session.close(statusCode, reason);
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            Session session = client;
            if (session != null && session.isOpen()) {
                session.close(1011, "modelapi proxy: the upstream socket failed");
            }
        }
    }
}
