package dev.modelapi.mock.pieces.ws;

import dev.modelapi.mock.pieces.download.DownloadManager;
import dev.modelapi.mock.pieces.download.ProgressFrame;
import dev.modelapi.mock.pieces.download.ProgressStatus;
import dev.modelapi.mock.pieces.download.Subscription;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WebSocketListener;
import org.eclipse.jetty.websocket.api.WriteCallback;

/** One client connection to {@code /model/{model}/download/progress}. */
final class ProgressSocket implements WebSocketListener {

    private final DownloadManager downloads;
    private final String modelId;
    private final boolean known;
    private volatile Subscription subscription;

    ProgressSocket(DownloadManager downloads, String modelId, boolean known) {
        this.downloads = downloads;
        this.modelId = modelId;
        this.known = known;
    }

    @Override
    public void onWebSocketConnect(Session session) {
        if (!known) {
            session.getRemote().sendString(ProgressFrame.of(ProgressStatus.UNKNOWN).toJson(), WriteCallback.NOOP);
            session.close(PiecesProgressWebSocket.CLOSE_MODEL_NOT_FOUND, PiecesProgressWebSocket.MODEL_NOT_FOUND_REASON);
            return;
        }
        // Asynchronous, queued sends: the manager calls this under its lock, in frame order.
        subscription = downloads.subscribe(modelId, json -> {
            if (!session.isOpen()) {
                throw new IllegalStateException("closed"); // unsubscribes
            }
            session.getRemote().sendString(json, WriteCallback.NOOP);
        });
    }

    @Override
    public void onWebSocketText(String message) {
        // The client never sends anything on this socket; whatever it sends is ignored.
    }

    @Override
    public void onWebSocketBinary(byte[] payload, int offset, int len) {
        // ignored, as text
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        unsubscribe();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        unsubscribe();
    }

    private void unsubscribe() {
        Subscription s = subscription;
        if (s != null) {
            s.cancel();
            subscription = null;
        }
    }
}
