package dev.modelapi.decthings.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The Decthings binary transport, as an {@link HttpClient} that the generated {@code ModelApi} uses unchanged.
 *
 * <p>The generated code builds each call as {@code POST …/Model/{method}} with the <em>logical</em> JSON body
 * ({@code application/json}, Buffers and tensors as base64) and reads the logical JSON envelope back. This client sits
 * between that code and the network: it takes the method name from the last path segment, lets {@link
 * DecthingsCodec} split the logical JSON into wire JSON + blobs and frame them ({@code application/octet-stream}),
 * sends the frame, and turns a framed 2xx response back into the logical JSON before handing it to the generated
 * code's body handler. Non-2xx responses are handed over untouched (the generated code turns them into an
 * {@code ApiException}).
 */
final class BinaryTransportHttpClient extends HttpClient {

    static final String OCTET_STREAM = "application/octet-stream";

    private final HttpClient delegate;
    private final DecthingsCodec codec;

    BinaryTransportHttpClient(HttpClient delegate, DecthingsCodec codec) {
        this.delegate = delegate;
        this.codec = codec;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        String method = methodOf(request.uri());
        HttpResponse<byte[]> raw = delegate.send(frame(request, method), HttpResponse.BodyHandlers.ofByteArray());
        return unframe(raw, method, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return sendAsync(request, handler, null);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        String method;
        HttpRequest framed;
        try {
            method = methodOf(request.uri());
            framed = frame(request, method);
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return delegate.sendAsync(framed, HttpResponse.BodyHandlers.ofByteArray()).thenApply(raw -> {
            try {
                return unframe(raw, method, handler);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
    }

    /** {@code …/Model/createModel} → {@code createModel}. */
    static String methodOf(URI uri) {
        String path = uri.getPath();
        int slash = path == null ? -1 : path.lastIndexOf('/');
        if (slash < 0 || slash == path.length() - 1) {
            throw new IllegalArgumentException("Not a Decthings method URI: " + uri);
        }
        return path.substring(slash + 1);
    }

    private HttpRequest frame(HttpRequest request, String method) throws IOException {
        byte[] logicalJson = bodyOf(request);
        byte[] framed = codec.encodeRequest(method, logicalJson);
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri())
                .expectContinue(request.expectContinue())
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(framed));
        request.timeout().ifPresent(b::timeout);
        request.version().ifPresent(b::version);
        request.headers().map().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Accept")) {
                values.forEach(v -> b.header(name, v));
            }
        });
        b.header("Content-Type", OCTET_STREAM);
        b.header("Accept", OCTET_STREAM);
        return b.build();
    }

    private <T> HttpResponse<T> unframe(HttpResponse<byte[]> raw, String method, HttpResponse.BodyHandler<T> handler)
            throws IOException {
        byte[] body = raw.body() == null ? new byte[0] : raw.body();
        HttpHeaders headers = raw.headers();
        if (raw.statusCode() / 100 == 2) {
            String contentType = headers.firstValue("Content-Type").orElse("");
            if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
                // api.decthings.com always frames its answers; a JSON answer (e.g. from a JSON-only mock) passes.
                body = codec.decodeResponse(method, body);
                headers = HttpHeaders.of(withContentType(headers.map(), "application/json"), (a, b) -> true);
            }
        }
        T value = applyHandler(handler, raw, headers, body);
        return new SimpleResponse<>(raw, headers, value);
    }

    private static java.util.Map<String, List<String>> withContentType(java.util.Map<String, List<String>> map,
            String contentType) {
        java.util.Map<String, List<String>> out = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        map.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Content-Type") && !k.equalsIgnoreCase("Content-Length")
                    && !k.equalsIgnoreCase("Content-Encoding")) {
                out.put(k, v);
            }
        });
        out.put("Content-Type", List.of(contentType));
        return out;
    }

    /** Feeds {@code body} to the body subscriber the caller's handler creates, and returns what it produces. */
    private static <T> T applyHandler(HttpResponse.BodyHandler<T> handler, HttpResponse<?> raw, HttpHeaders headers,
            byte[] body) throws IOException {
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
            public Version version() {
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
        try {
            return subscriber.getBody().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while reading the response body", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException ? (IOException) e.getCause() : new IOException(e.getCause());
        }
    }

    /** The bytes of the request's body publisher (the generated code always publishes a byte array). */
    static byte[] bodyOf(HttpRequest request) throws IOException {
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

    // ------------------------------------------------------------------ plain delegation

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    @Override
    public WebSocket.Builder newWebSocketBuilder() {
        return delegate.newWebSocketBuilder();
    }

    /** The raw exchange's metadata with the decoded headers and body. */
    private static final class SimpleResponse<T> implements HttpResponse<T> {
        private final HttpResponse<byte[]> raw;
        private final HttpHeaders headers;
        private final T body;

        SimpleResponse(HttpResponse<byte[]> raw, HttpHeaders headers, T body) {
            this.raw = raw;
            this.headers = headers;
            this.body = body;
        }

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
        public HttpHeaders headers() {
            return headers;
        }

        @Override
        public T body() {
            return body;
        }

        @Override
        public Optional<javax.net.ssl.SSLSession> sslSession() {
            return raw.sslSession();
        }

        @Override
        public URI uri() {
            return raw.uri();
        }

        @Override
        public Version version() {
            return raw.version();
        }
    }
}
