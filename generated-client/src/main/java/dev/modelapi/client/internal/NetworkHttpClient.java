package dev.modelapi.client.internal;

import dev.modelapi.client.TransportException;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The bottom layer, next to the JDK client: reads each answer whole and turns "no answer" (refused, reset, timeout,
 * TLS) into a {@link TransportException}. Because the body is read here, a connection that breaks mid-body is a
 * transport failure too, not an error of the generated code's JSON reading.
 */
public final class NetworkHttpClient extends DelegatingHttpClient {

    public NetworkHttpClient(HttpClient jdkClient) {
        super(jdkClient);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> raw;
        try {
            raw = delegate.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new TransportException(request.method(), request.uri(), e);
        }
        return BufferedResponses.handOver(raw, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return delegate.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((raw, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                throw new CompletionException(cause instanceof IOException io
                        ? new TransportException(request.method(), request.uri(), io) : cause);
            }
            try {
                return BufferedResponses.handOver(raw, handler);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
    }
}
