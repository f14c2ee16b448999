package dev.modelapi.client.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLSession;

/**
 * Bodies held in memory: the layers read a whole response (to decode or judge it) and then hand it to the body
 * handler the generated code asked for, as if it had come from the network.
 */
public final class BufferedResponses {

    private BufferedResponses() {
    }

    /**
     * The response {@code raw} with {@code headers} and {@code body}, read through {@code handler}.
     *
     * @throws IOException if the handler's subscriber fails
     */
    public static <T> HttpResponse<T> handOver(HttpResponse<?> raw, HttpHeaders headers, byte[] body,
            HttpResponse.BodyHandler<T> handler) throws IOException {
        HttpResponse.ResponseInfo info = new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return raw.statusCode();
            }

            @Override
            public HttpHeaders headers() {
                return headers;
            }

            @Override
            public HttpClient.Version version() {
                return raw.version();
            }
        };
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(info);
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
            }
        });
        if (body.length > 0) {
            subscriber.onNext(List.of(ByteBuffer.wrap(body)));
        }
        subscriber.onComplete();
        T value;
        try {
            value = subscriber.getBody().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while reading the response body", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        return new Buffered<>(raw, headers, value);
    }

    /** {@link #handOver} with the response's own headers and body. */
    public static <T> HttpResponse<T> handOver(HttpResponse<byte[]> raw, HttpResponse.BodyHandler<T> handler)
            throws IOException {
        return handOver(raw, raw.headers(), raw.body() == null ? new byte[0] : raw.body(), handler);
    }

    /** The bytes of the request's body publisher (the generated code publishes byte arrays, which replay). */
    public static byte[] bodyOf(HttpRequest request) throws IOException {
        Optional<HttpRequest.BodyPublisher> publisher = request.bodyPublisher();
        if (publisher.isEmpty()) {
            return new byte[0];
        }
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        publisher.get().subscribe(new Flow.Subscriber<ByteBuffer>() {
            private final ByteArrayOutputStream out = new ByteArrayOutputStream();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.write(chunk, 0, chunk.length);
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(out.toByteArray());
            }
        });
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while reading the request body", e);
        } catch (ExecutionException e) {
            throw new IOException("Cannot read the request body", e.getCause());
        }
    }

    /** The raw exchange's metadata with the (possibly decoded) headers and body. */
    private record Buffered<T>(HttpResponse<?> raw, HttpHeaders headers, T body) implements HttpResponse<T> {
        @Override
        public int statusCode() {
            return raw.statusCode();
        }

        @Override
        public HttpRequest request() {
            return raw.request();
        }

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return raw.sslSession();
        }

        @Override
        public URI uri() {
            return raw.uri();
        }

        @Override
        public HttpClient.Version version() {
            return raw.version();
        }
    }
}
