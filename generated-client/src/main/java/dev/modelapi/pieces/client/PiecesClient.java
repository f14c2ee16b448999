package dev.modelapi.pieces.client;

import dev.modelapi.client.RetryPolicy;
import dev.modelapi.client.internal.NetworkHttpClient;
import dev.modelapi.client.internal.RetryingHttpClient;
import dev.modelapi.pieces.client.api.ModelApi;
import dev.modelapi.pieces.client.api.ModelAsyncApi;
import dev.modelapi.pieces.client.api.ModelsApi;
import dev.modelapi.pieces.client.api.ModelsAsyncApi;
import dev.modelapi.pieces.client.invoker.ApiClient;
import dev.modelapi.pieces.client.model.ModelDownloadProgress;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Entry point of the Pieces OS SDK: the generated Model and Models APIs of one PiecesOS instance, and the
 * download-progress WebSocket. Thread-safe; build it once and share it.
 *
 * <pre>{@code
 * PiecesClient pieces = PiecesClient.builder().build();          // http://localhost:39300
 * Model model = pieces.model().modelSpecificModelDownload(id);
 * ModelDownloadProgress last = pieces.downloadProgress(id, p -> System.out.println(p.getPercentage())).join();
 * }</pre>
 *
 * <p>{@link #modelAsync()} and {@link #modelsAsync()} are the same APIs returning {@code CompletableFuture}s. A
 * status outside 2xx throws (or completes with) the generated {@code ApiException}; no answer at all (refused,
 * reset, timeout) throws the unchecked {@link dev.modelapi.client.TransportException}. Idempotent calls
 * ({@code GET}, {@code PUT}, {@code DELETE}) answered 429 or 503 are retried by the
 * {@link Builder#retryPolicy retry policy}, {@link RetryPolicy#defaults()} unless set.
 */
public final class PiecesClient {

    /** {@code http://localhost:39300}, the port of current PiecesOS releases (older ones: 1000, 5323). */
    public static final URI DEFAULT_BASE_URL = URI.create("http://localhost:39300");

    /** The optional header that identifies the calling application. */
    public static final String APPLICATION_ID_HEADER = "X-Application-ID";

    private final URI baseUrl;
    private final String applicationId;
    private final Duration timeout;
    private final HttpClient httpClient;
    private final ApiClient apiClient;
    private final ModelApi model;
    private final ModelsApi models;
    private final ModelAsyncApi modelAsync;
    private final ModelsAsyncApi modelsAsync;
    private final RetryPolicy retryPolicy;

    private PiecesClient(Builder b) {
        this.baseUrl = b.baseUrl;
        this.applicationId = b.applicationId == null || b.applicationId.isBlank() ? null : b.applicationId;
        this.timeout = b.timeout;
        HttpClient.Builder http = b.httpClientBuilder != null ? b.httpClientBuilder : HttpClient.newBuilder();
        if (timeout != null) {
            http.connectTimeout(timeout);
        }
        this.retryPolicy = b.retryPolicy;
        HttpClient network = new NetworkHttpClient(http.build());
        this.httpClient = retryPolicy.maxAttempts() > 1
                ? new RetryingHttpClient(network, retryPolicy, new PiecesRetryRules())
                : network;
        ApiClient api = new ApiClient() {
            @Override
            public HttpClient getHttpClient() {
                return httpClient;
            }
        };
        String base = baseUrl.toString();
        api.updateBaseUri(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        if (timeout != null) {
            api.setReadTimeout(timeout);
        }
        if (applicationId != null) {
            api.setRequestInterceptor(request -> request.setHeader(APPLICATION_ID_HEADER, applicationId));
        }
        this.apiClient = api;
        this.model = new ModelApi(api);
        this.models = new ModelsApi(api);
        this.modelAsync = new ModelAsyncApi(api);
        this.modelsAsync = new ModelsAsyncApi(api);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The Model API: download, cancel, load, unload, update, snapshot of one model. */
    public ModelApi model() {
        return model;
    }

    /** The Models API: list, create, delete, unload all. */
    public ModelsApi models() {
        return models;
    }

    /** {@link #model()} with every call returning a {@code CompletableFuture}. */
    public ModelAsyncApi modelAsync() {
        return modelAsync;
    }

    /** {@link #models()} with every call returning a {@code CompletableFuture}. */
    public ModelsAsyncApi modelsAsync() {
        return modelsAsync;
    }

    /** The policy that busy answers are retried with. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** The generated invoker behind {@link #model()} and {@link #models()}, e.g. for its {@code ObjectMapper}. */
    public ApiClient apiClient() {
        return apiClient;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Follows the download of model {@code modelId} on the WebSocket {@code GET /model/{model}/download/progress}.
     *
     * <p>Every JSON text frame is delivered to {@code listener} as a {@link ModelDownloadProgress}, in order, on one
     * thread at a time. The returned future completes with the first event whose status is terminal ({@code
     * COMPLETED}, {@code FAILED} or {@code CANCELED}), after the listener has seen it, and the socket is then closed.
     * It completes exceptionally if the connection fails or closes before a terminal status, if a frame is not a
     * {@code ModelDownloadProgress}, or if the listener throws. Cancelling the future (or {@code orTimeout}) aborts
     * the socket.
     *
     * <p>The socket may be opened before the download is started with
     * {@code model().modelSpecificModelDownload(modelId)}.
     */
    public CompletableFuture<ModelDownloadProgress> downloadProgress(String modelId,
            Consumer<? super ModelDownloadProgress> listener) {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(listener, "listener");
        return DownloadProgressSocket.open(httpClient, progressUri(modelId), applicationId, timeout,
                apiClient.getObjectMapper(), listener);
    }

    /** {@code ws://host:port/…/model/{modelId}/download/progress} for an {@code http://} base URL. */
    URI progressUri(String modelId) {
        String base = baseUrl.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String scheme = baseUrl.getScheme();
        String wsScheme = "https".equalsIgnoreCase(scheme) ? "wss" : "http".equalsIgnoreCase(scheme) ? "ws" : scheme;
        String rest = base.substring(scheme.length());
        String segment = URLEncoder.encode(modelId, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(wsScheme + rest + "/model/" + segment + "/download/progress");
    }

    /** Builder of {@link PiecesClient}; every setting is optional. */
    public static final class Builder {
        private URI baseUrl = DEFAULT_BASE_URL;
        private String applicationId;
        private Duration timeout;
        private HttpClient.Builder httpClientBuilder;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();

        private Builder() {
        }

        /** The PiecesOS base URL, default {@code http://localhost:39300}. */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** Same as {@link #baseUrl(URI)}. */
        public Builder baseUrl(String baseUrl) {
            return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl")));
        }

        /** Sent as {@code X-Application-ID} on every call and on the WebSocket upgrade. Default: not sent. */
        public Builder applicationId(String applicationId) {
            this.applicationId = applicationId;
            return this;
        }

        /** Time limit for connecting and for each REST call's response headers. Default: none. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** A pre-configured JDK client builder (proxy, executor, …). */
        public Builder httpClient(HttpClient.Builder httpClientBuilder) {
            this.httpClientBuilder = httpClientBuilder;
            return this;
        }

        /**
         * When busy answers (429, 503) of idempotent calls are retried: {@link RetryPolicy#defaults()} unless set;
         * {@link RetryPolicy#none()} never retries.
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        public PiecesClient build() {
            return new PiecesClient(this);
        }
    }
}
