package dev.modelapi.conformance.broken;

import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A progress WebSocket that sends a fixed script of frames to every connection, starting a little after it opens
 * (after the suite has started the download): a deliberately broken PiecesOS stream.
 */
final class ScriptedProgressServer extends WebSocketServer {

    private final List<String> frames;
    private final CountDownLatch started = new CountDownLatch(1);

    ScriptedProgressServer(List<String> frames) {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.frames = frames;
        setReuseAddr(true);
    }

    static String frame(String status, Double percentage) {
        return "{\"schema\":{\"migration\":0,\"semantic\":\"MAJOR_0_MINOR_0_PATCH_1\"},\"status\":\"" + status + "\""
                + (percentage == null ? "" : ",\"percentage\":" + percentage) + "}";
    }

    void startAndWait() throws InterruptedException {
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the scripted progress server did not start");
        }
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(600);
                for (String f : frames) {
                    conn.send(f);
                    Thread.sleep(20);
                }
            } catch (InterruptedException | RuntimeException e) {
                // connection gone
            }
        }, "scripted-progress");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
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
