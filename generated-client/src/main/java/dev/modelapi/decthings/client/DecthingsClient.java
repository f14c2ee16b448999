package dev.modelapi.decthings.client;

import dev.modelapi.client.RetryPolicy;
import dev.modelapi.client.internal.NetworkHttpClient;
import dev.modelapi.client.internal.RetryingHttpClient;
import dev.modelapi.decthings.client.api.ModelApi;
import dev.modelapi.decthings.client.api.ModelAsyncApi;
import dev.modelapi.decthings.client.invoker.ApiClient;
import dev.modelapi.decthings.client.model.GetModelsRequest;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Entry point of the Decthings SDK: one configured client per base URL and API key, exposing the generated API
 * classes. Thread-safe; build it once and share it.
 *
 * <pre>{@code
 * DecthingsClient client = DecthingsClient.builder()
 *         .apiKey(System.getenv("DECTHINGS_API_KEY"))
 *         .build();
 * CreateModelResponse response = client.model().createModel(request);
 * }</pre>
 *
 * <p>Every method exists twice: {@link #model()} blocks, {@link #modelAsync()} returns a {@code CompletableFuture}
 * of the same envelope. {@link #allModels} iterates every model of a {@code getModels} query, page by page.
 *
 * <p>A call fails in one of three distinct ways:
 * <ul>
 *   <li><b>API error</b>: the platform answered and said no. The call returns the envelope with {@code getError()}
 *       set (exactly one of {@code getResult()} and {@code getError()} is), a sealed interface with one class per
 *       code of that method plus {@code Unknown} for codes this SDK does not know.</li>
 *   <li><b>HTTP error</b>: the answer's status is not 2xx (404 unknown method, 500). The call throws
 *       {@link dev.modelapi.decthings.client.invoker.ApiException} with {@code getCode()} the status.</li>
 *   <li><b>No answer</b>: refused, reset, timed out, TLS. The call throws the unchecked
 *       {@link dev.modelapi.client.TransportException} (an async call completes exceptionally with it).</li>
 * </ul>
 *
 * <p>Busy answers ({@code too_many_requests}, HTTP 429/503) of idempotent calls are retried by the
 * {@link Builder#retryPolicy retry policy}, {@link RetryPolicy#defaults()} unless set; {@link RetryPolicy#none()}
 * turns that off.
 */
public final class DecthingsClient {

    /** {@code https://api.decthings.com/v0}. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.decthings.com/v0");

    private final URI baseUrl;
    private final Transport transport;
    private final ApiClient apiClient;
    private final RetryPolicy retryPolicy;
    private final ModelApi model;
    private final ModelAsyncApi modelAsync;

    private DecthingsClient(Builder b) {
        this.baseUrl = b.baseUrl;
        this.transport = b.transport;
        this.retryPolicy = b.retryPolicy;
        if (transport == Transport.JSON && !b.jsonTransportToAnyHost && !isLocal(baseUrl)) {
            throw new IllegalStateException("The JSON transport is for the mock and tests; " + baseUrl.getHost()
                    + " is not a local host, and api.decthings.com speaks only the binary transport. Use "
                    + "Transport.BINARY, or jsonTransportToAnyHost(true) for a JSON-speaking server elsewhere.");
        }
        HttpClient.Builder http = b.httpClientBuilder != null ? b.httpClientBuilder : HttpClient.newBuilder();
        if (b.connectTimeout != null) {
            http.connectTimeout(b.connectTimeout);
        }
        // layers, top to bottom: retries judge the logical answer, framing, then the network (no-answer failures)
        HttpClient httpClient = new NetworkHttpClient(http.build());
        if (transport == Transport.BINARY) {
            httpClient = new BinaryTransportHttpClient(httpClient, DecthingsCodec.fromSpec());
        }
        if (retryPolicy.maxAttempts() > 1) {
            httpClient = new RetryingHttpClient(httpClient, retryPolicy, DecthingsRetryRules.fromSpec());
        }
        ApiClient api = new FixedHttpClientApiClient(httpClient);
        api.updateBaseUri(stripTrailingSlash(baseUrl.toString()));
        if (b.timeout != null) {
            api.setReadTimeout(b.timeout);
        }
        String key = b.apiKey == null ? null : b.apiKey.trim();
        String authorization = key == null || key.isEmpty() ? null : "Bearer " + key;
        boolean json = transport == Transport.JSON;
        api.setRequestInterceptor(request -> {
            if (authorization != null) {
                request.setHeader("Authorization", authorization);
            }
            if (json) {
                // the generated code accepts both encodings; the JSON transport asks for the logical document only
                request.setHeader("Accept", "application/json");
            }
        });
        this.apiClient = api;
        this.model = new ModelApi(api);
        this.modelAsync = new ModelAsyncApi(api);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The Model sub-API ({@code POST {baseUrl}/Model/{method}}). */
    public ModelApi model() {
        return model;
    }

    /** The Model sub-API with every call returning a {@code CompletableFuture} of the same envelope. */
    public ModelAsyncApi modelAsync() {
        return modelAsync;
    }

    /**
     * Every model that {@code query} matches, across as many pages as it takes: the query's filter and sort are
     * kept, its {@code offset} (default 0) is where it starts and its {@code limit} (default 20) is the page size.
     * Pages are fetched while the result is iterated; {@link ModelPages#stream()} gives a stream.
     *
     * @throws IllegalArgumentException if the query's limit is less than 1
     */
    public ModelPages allModels(GetModelsRequest query) {
        return new ModelPages(model, query);
    }

    /** {@link #allModels(GetModelsRequest)} of every model the key may see. */
    public ModelPages allModels() {
        return allModels(new GetModelsRequest());
    }

    /** The policy that busy answers are retried with. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** The generated invoker behind {@link #model()}, e.g. for its {@code ObjectMapper}. */
    public ApiClient apiClient() {
        return apiClient;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public Transport transport() {
        return transport;
    }

    /** {@code localhost}, {@code *.localhost} or a loopback / any-local address literal: no name lookup. */
    static boolean isLocal(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        boolean literal = h.matches("[0-9.]+") || h.contains(":");
        if (!literal) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(h);   // a literal: parsed, not looked up
            return address.isLoopbackAddress() || address.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String stripTrailingSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Builder of {@link DecthingsClient}; every setting is optional. */
    public static final class Builder {
        private URI baseUrl = DEFAULT_BASE_URL;
        private String apiKey;
        private Duration timeout;
        private Duration connectTimeout;
        private Transport transport = Transport.BINARY;
        private HttpClient.Builder httpClientBuilder;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private boolean jsonTransportToAnyHost;

        private Builder() {
        }

        /** Base URL up to and including the version, e.g. {@code https://api.decthings.com/v0} (the default). */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** Same as {@link #baseUrl(URI)}. */
        public Builder baseUrl(String baseUrl) {
            return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl")));
        }

        /**
         * The API key, sent as {@code Authorization: Bearer <key>} (trimmed). Without one, only the calls that
         * allow anonymous access (e.g. listing public models) succeed.
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** Time limit of each call, from sending the request to receiving the response headers. Default: none. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            if (connectTimeout == null) {
                connectTimeout = timeout;
            }
            return this;
        }

        /** Time limit for opening a connection. Default: the {@link #timeout(Duration)}, else none. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * {@link Transport#BINARY} (the default, what api.decthings.com speaks) or {@link Transport#JSON}, the
         * logical JSON documents that this kit's mock also accepts. JSON is refused by {@link #build()} for a base
         * URL that is not a local host unless {@link #jsonTransportToAnyHost(boolean)} allows it.
         */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** A pre-configured JDK client builder (proxy, SSL context, executor, …). */
        public Builder httpClient(HttpClient.Builder httpClientBuilder) {
            this.httpClientBuilder = httpClientBuilder;
            return this;
        }

        /** Allow the JSON transport to a non-local host (a mock on another machine); default {@code false}. */
        public Builder jsonTransportToAnyHost(boolean allow) {
            this.jsonTransportToAnyHost = allow;
            return this;
        }

        /**
         * When busy answers are retried: {@link RetryPolicy#defaults()} (3 attempts, idempotent calls only) unless
         * set; {@link RetryPolicy#none()} never retries.
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * @throws IllegalStateException if the JSON transport is chosen for a non-local host without
         *     {@link #jsonTransportToAnyHost(boolean)}
         */
        public DecthingsClient build() {
            return new DecthingsClient(this);
        }
    }

    /** An {@link ApiClient} that hands out one shared {@link HttpClient} instead of building one per API class. */
    private static final class FixedHttpClientApiClient extends ApiClient {
        private final HttpClient httpClient;

        FixedHttpClientApiClient(HttpClient httpClient) {
            this.httpClient = httpClient;
        }

        @Override
        public HttpClient getHttpClient() {
            return httpClient;
        }
    }
}
