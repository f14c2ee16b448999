package dev.modelapi.conformance.flows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client that only collects the text frames it receives (the JDK's {@link WebSocket}). */
final class ProgressSocket implements WebSocket.Listener, AutoCloseable {

    /** What the socket received: a text frame, or its end. */
    record Event(String text, String closedBecause) {
        boolean isFrame() {
            return text != null;
        }
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static ProgressSocket open(URI uri, String applicationId, Duration timeout) {
        ProgressSocket listener = new ProgressSocket();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(timeout);
        if (applicationId != null) {
            builder.header("X-Application-ID", applicationId);
        }
        try {
            listener.socket = builder.buildAsync(uri, listener).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("cannot open the WebSocket " + uri + ": " + cause, cause);
        }
        return listener;
    }

    /** The next event within {@code millis}, or null. */
    Event next(long millis) {
        try {
            return events.poll(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Every event received within {@code millis}. */
    List<Event> drain(long millis) {
        List<Event> out = new ArrayList<>();
        long deadline = System.currentTimeMillis() + millis;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return out;
            }
            Event e = next(left);
            if (e == null) {
                return out;
            }
            out.add(e);
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            events.add(new Event(partial.toString(), null));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
        events.add(new Event("<binary frame of " + data.remaining() + " bytes>", null));
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        events.add(new Event(null, "closed by the server: " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        events.add(new Event(null, "error: " + error));
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
    }
}
