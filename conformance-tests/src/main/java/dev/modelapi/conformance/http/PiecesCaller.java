package dev.modelapi.conformance.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelapi.conformance.spec.ApiOperation;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Calls one Pieces OS operation (path parameters, optional JSON body); every exchange goes to the log. */
public final class PiecesCaller {

    public static final String APPLICATION_ID_HEADER = "X-Application-ID";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI baseUrl;
    private final String applicationId;
    private final HttpSender sender;
    private final ExchangeLog log;
    private final Backoff backoff;

    public PiecesCaller(URI baseUrl, String applicationId, HttpSender sender, ExchangeLog log, Backoff backoff) {
        this.baseUrl = baseUrl;
        this.applicationId = applicationId;
        this.sender = sender;
        this.log = log;
        this.backoff = backoff;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** The WebSocket URL of a path ({@code http} → {@code ws}). */
    public URI webSocketUrl(String path) {
        String base = baseUrl.toString().replaceFirst("^http", "ws");
        return URI.create(base + path);
    }

    public Exchange call(ApiOperation op, Map<String, String> pathParameters, JsonNode body, Call call) {
        URI url = URI.create(baseUrl + op.concretePath(pathParameters));
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] bytes = null;
        if (body != null) {
            headers.put("Content-Type", "application/json");
            bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (applicationId != null && call.auth() == AuthMode.CONFIGURED) {
            headers.put(APPLICATION_ID_HEADER, applicationId);
        }
        String method = op.httpMethod().name();
        byte[] sent = bytes;
        Backoff.Attempted<Exchange> attempted = backoff.run(
                () -> exchange(op, call, method, url, headers, sent, body),
                e -> e.status() == 429,
                e -> e.responseHeaders().get("retry-after"));
        Exchange e = attempted.result();
        if (attempted.attempts() > 1) {
            e = e.withAttempts(attempted.attempts());
        }
        log.record(e);
        return e;
    }

    private Exchange exchange(ApiOperation op, Call call, String method, URI url, Map<String, String> headers,
                              byte[] bytes, JsonNode body) {
        HttpSender.RawResponse raw = sender.send(method, url, headers, bytes);
        JsonNode json = null;
        String decodeError = null;
        String media = Exchange.mediaTypeOf(raw.headers().get("content-type"));
        if (raw.status() >= 0 && Exchange.isJson(media)) {
            try {
                json = MAPPER.readTree(raw.body());
            } catch (IOException e) {
                decodeError = "not JSON: " + e.getMessage();
            }
        }
        return new Exchange(op, call.intent(), call.description(), call.field(), method, url, Map.copyOf(headers),
                bytes, body == null ? null : body.deepCopy(), null, raw.status(), raw.headers(), raw.body(), json,
                decodeError, -1, raw.error(), raw.millis(), 1);
    }
}
