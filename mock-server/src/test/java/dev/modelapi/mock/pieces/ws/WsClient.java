package dev.modelapi.mock.pieces.ws;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A java.net.http WebSocket client that queues the text messages it receives and records the close. */
final class WsClient implements WebSocket.Listener, AutoCloseable {

    /** Upper bound for waiting on the network; never reached in a passing run. */
    static final Duration WAIT = Duration.ofSeconds(20);

    record Close(int code, String reason) {
    }

    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Close> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    final WebSocket socket;

    private WsClient(HttpClient http, URI uri) {
        this.socket = http.newWebSocketBuilder().connectTimeout(WAIT).buildAsync(uri, this).join();
    }

    static WsClient connect(HttpClient http, URI uri) {
        return new WsClient(http, uri);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        synchronized (partial) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Close(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** The next message; fails if none comes within {@link #WAIT}. */
    String next() throws InterruptedException {
        String m = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (m == null) {
            throw new AssertionError("No WebSocket message within " + WAIT);
        }
        return m;
    }

    /** Messages up to and including the first one that contains {@code marker}. */
    List<String> until(String marker) throws InterruptedException {
        List<String> out = new ArrayList<>();
        while (true) {
            String m = next();
            out.add(m);
            if (m.contains(marker)) {
                return out;
            }
        }
    }

    Close awaitClose() throws Exception {
        return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
