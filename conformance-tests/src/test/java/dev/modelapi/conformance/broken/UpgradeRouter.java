package dev.modelapi.conformance.broken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A loopback TCP proxy that sends each connection to a WebSocket server when its first request asks for
 * {@code Upgrade: websocket}, and to an HTTP server otherwise: one Pieces base URL whose REST side is the mock and
 * whose progress socket is a deliberately broken one. (The same idea as the SDK tests' routing proxy.)
 */
final class UpgradeRouter implements AutoCloseable {

    private final ServerSocket server;
    private final int httpPort;
    private final int webSocketPort;

    UpgradeRouter(int httpPort, int webSocketPort) throws IOException {
        this.httpPort = httpPort;
        this.webSocketPort = webSocketPort;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::accept, "upgrade-router");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> route(client), "upgrade-router-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void route(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            int b;
            while (matched < 4 && (b = in.read()) != -1) {
                head.write(b);
                matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            String headers = head.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            int target = headers.contains("upgrade: websocket") ? webSocketPort : httpPort;
            try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target)) {
                upstream.getOutputStream().write(head.toByteArray());
                Thread back = new Thread(() -> pipe(upstream, client), "upgrade-router-back");
                back.setDaemon(true);
                back.start();
                pipe(client, upstream);
                back.join(5000);
            }
        } catch (IOException | InterruptedException e) {
            // connection over
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
