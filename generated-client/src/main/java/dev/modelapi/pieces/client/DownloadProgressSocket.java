package dev.modelapi.pieces.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelapi.pieces.client.model.ModelDownloadProgress;
import dev.modelapi.pieces.client.model.ModelDownloadProgressStatusEnum;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** One download-progress WebSocket: JSON text frames in, typed events out, done at the first terminal status. */
final class DownloadProgressSocket implements WebSocket.Listener {

    static final Set<ModelDownloadProgressStatusEnum> TERMINAL = Set.of(
            ModelDownloadProgressStatusEnum.COMPLETED,
            ModelDownloadProgressStatusEnum.FAILED,
            ModelDownloadProgressStatusEnum.CANCELED);

    private final ObjectMapper mapper;
    private final Consumer<? super ModelDownloadProgress> listener;
    private final CompletableFuture<ModelDownloadProgress> result = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();

    private DownloadProgressSocket(ObjectMapper mapper, Consumer<? super ModelDownloadProgress> listener) {
        this.mapper = mapper;
        this.listener = listener;
    }

    static CompletableFuture<ModelDownloadProgress> open(HttpClient http, URI uri, String applicationId,
            Duration connectTimeout, ObjectMapper mapper, Consumer<? super ModelDownloadProgress> listener) {
        DownloadProgressSocket socket = new DownloadProgressSocket(mapper, listener);
        WebSocket.Builder builder = http.newWebSocketBuilder();
        if (applicationId != null) {
            builder.header(PiecesClient.APPLICATION_ID_HEADER, applicationId);
        }
        if (connectTimeout != null) {
            builder.connectTimeout(connectTimeout);
        }
        CompletableFuture<WebSocket> connecting = builder.buildAsync(uri, socket);
        connecting.whenComplete((ws, error) -> {
            if (error != null) {
                socket.result.completeExceptionally(error);
            }
        });
        // However the result ends (terminal event, error, cancel, orTimeout), the socket goes away.
        socket.result.whenComplete((event, error) -> connecting.thenAccept(ws -> {
            if (error == null) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "").whenComplete((w, e) -> ws.abort());
            } else {
                ws.abort();
            }
        }));
        return socket.result;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            String message = text.toString();
            text.setLength(0);
            try {
                ModelDownloadProgress event = mapper.readValue(message, ModelDownloadProgress.class);
                listener.accept(event);
                if (event != null && TERMINAL.contains(event.getStatus())) {
                    result.complete(event);
                    return null;
                }
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
                return null;
            }
        }
        if (!result.isDone()) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        result.completeExceptionally(new IOException("Unexpected binary frame on the download-progress socket"));
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        result.completeExceptionally(new IOException(
                "Download-progress socket closed before a terminal status (" + statusCode + " " + reason + ")"));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        result.completeExceptionally(error);
    }
}
