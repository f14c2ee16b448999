package dev.modelapi.decthings.client;

import dev.modelapi.decthings.client.api.ModelApi;
import dev.modelapi.decthings.client.invoker.ApiClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
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
 * <p>Calls return the response envelope: exactly one of {@code getResult()} and {@code getError()} is set, and the
 * error is a sealed interface with one class per variant (plus {@code Unknown} for codes this SDK does not know).
 * Transport failures and non-2xx statuses throw {@link dev.modelapi.decthings.client.invoker.ApiException}.
 */
public final class DecthingsClient {

    /** {@code https://api.decthings.com/v0}. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.decthings.com/v0");

    private final URI baseUrl;
    private final Transport transport;
    private final ApiClient apiClient;
    private final ModelApi model;

    private DecthingsClient(Builder b) {
        this.baseUrl = b.baseUrl;
        this.transport = b.transport;
        HttpClient.Builder http = b.httpClientBuilder != null ? b.httpClientBuilder : HttpClient.newBuilder();
        if (b.connectTimeout != null) {
            http.connectTimeout(b.connectTimeout);
        }
        HttpClient network = http.build();
        HttpClient httpClient = transport == Transport.BINARY
                ? new BinaryTransportHttpClient(network, DecthingsCodec.fromSpec())
                : network;
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
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The Model sub-API ({@code POST {baseUrl}/Model/{method}}). */
    public ModelApi model() {
        return model;
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

        /** {@link Transport#BINARY} (the default, what api.decthings.com speaks) or {@link Transport#JSON}. */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** A pre-configured JDK client builder (proxy, SSL context, executor, …). */
        public Builder httpClient(HttpClient.Builder httpClientBuilder) {
            this.httpClientBuilder = httpClientBuilder;
            return this;
        }

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
