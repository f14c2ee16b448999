package dev.modelapi.decthings.client;

import dev.modelapi.client.internal.BufferedResponses;
import dev.modelapi.client.internal.DelegatingHttpClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
final class BinaryTransportHttpClient extends DelegatingHttpClient {

    static final String OCTET_STREAM = "application/octet-stream";

    private final DecthingsCodec codec;

    BinaryTransportHttpClient(HttpClient delegate, DecthingsCodec codec) {
        super(delegate);
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
        byte[] logicalJson = BufferedResponses.bodyOf(request);
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
            if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                // api.decthings.com always frames its answers; a JSON answer (e.g. from a JSON-only mock) passes.
                body = codec.decodeResponse(method, body);
                headers = HttpHeaders.of(withContentType(headers.map(), "application/json"), (a, b) -> true);
            }
        }
        return BufferedResponses.handOver(raw, headers, body, handler);
    }

    private static Map<String, List<String>> withContentType(Map<String, List<String>> map,
            String contentType) {
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        map.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Content-Type") && !k.equalsIgnoreCase("Content-Length")
                    && !k.equalsIgnoreCase("Content-Encoding")) {
                out.put(k, v);
            }
        });
        out.put("Content-Type", List.of(contentType));
        return out;
    }
}
