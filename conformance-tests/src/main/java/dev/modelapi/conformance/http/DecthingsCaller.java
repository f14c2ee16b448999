package dev.modelapi.conformance.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.config.Transport;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.decthings.client.wire.DecthingsFramingException;
import dev.modelapi.decthings.client.wire.BlobMapping;
import dev.modelapi.decthings.client.wire.OperationBlobs;
import dev.modelapi.decthings.client.wire.RequestFrame;
import dev.modelapi.decthings.client.wire.ResponseFrame;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls one Decthings method ({@code POST {base}/Model/{method}}) with a logical JSON document, in the binary framing
 * or as JSON, and turns the answer back into the logical envelope. Every exchange goes to the log.
 */
public final class DecthingsCaller {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI baseUrl;
    private final String apiKey;
    private final String wrongKey;
    private final Transport transport;
    private final HttpSender sender;
    private final ExchangeLog log;
    private final Backoff backoff;

    public DecthingsCaller(URI baseUrl, String apiKey, String wrongKey, Transport transport, HttpSender sender,
                           ExchangeLog log, Backoff backoff) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.wrongKey = wrongKey;
        this.transport = transport;
        this.sender = sender;
        this.log = log;
        this.backoff = backoff;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public Transport transport() {
        return transport;
    }

    public boolean hasApiKey() {
        return apiKey != null;
    }

    /**
     * Sends the request and records the exchange.
     *
     * @throws RequestEncodingException if the document cannot be framed (binary fields of the wrong shape)
     */
    public Exchange call(ApiOperation op, ObjectNode logical, Call call) {
        Transport t = call.transport() == null ? transport : call.transport();
        OperationBlobs blobs = BlobMapping.load().forMethod(op.rpcName());
        byte[] body;
        if (t == Transport.BINARY) {
            try {
                OperationBlobs.Split split = blobs.splitRequest(logical);
                List<byte[]> parts = new ArrayList<>();
                for (ByteBuffer b : split.blobs()) {
                    byte[] bytes = new byte[b.remaining()];
                    b.duplicate().get(bytes);
                    parts.add(bytes);
                }
                body = RequestFrame.of(MAPPER.writeValueAsBytes(split.json()), parts).encode();
            } catch (IllegalArgumentException | IOException | DecthingsFramingException e) {
                // e.g. a negative variant with more items than maxItems where each item is a blob: the frame's
                // one-byte blob count cannot carry it, so no client could send it over this transport
                throw new RequestEncodingException("Cannot frame " + op.id() + " request: " + e.getMessage(), e);
            }
        } else {
            body = logical.toString().getBytes(StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", t.mediaType());
        String key = switch (call.auth()) {
            case CONFIGURED -> apiKey;
            case NONE -> null;
            case WRONG -> wrongKey;
        };
        if (key != null) {
            headers.put("Authorization", "Bearer " + key);
        }
        URI url = URI.create(baseUrl + op.path());
        Backoff.Attempted<Exchange> attempted = backoff.run(
                () -> exchange(op, logical, call, t, blobs, url, headers, body, 1),
                e -> "too_many_requests".equals(e.errorCode()),
                e -> e.responseHeaders().get("retry-after"));
        Exchange e = attempted.result();
        if (attempted.attempts() > 1) {
            e = e.withAttempts(attempted.attempts());
        }
        log.record(e);
        return e;
    }

    private Exchange exchange(ApiOperation op, ObjectNode logical, Call call, Transport t, OperationBlobs blobs,
                              URI url, Map<String, String> headers, byte[] body, int attempts) {
        HttpSender.RawResponse raw = sender.send("POST", url, headers, body);
        JsonNode json = null;
        String decodeError = null;
        int blobCount = -1;
        if (raw.status() >= 0 && raw.status() < 500) {
            DecthingsAnswer answer = DecthingsAnswer.ofResponse(blobs, raw.headers().get("content-type"), raw.body());
            json = answer.json();
            decodeError = answer.decodeError();
            blobCount = answer.blobCount();
        }
        return new Exchange(op, call.intent(), call.description(), call.field(), "POST", url, Map.copyOf(headers),
                body, logical.deepCopy(), t, raw.status(), raw.headers(), raw.body(), json, decodeError, blobCount,
                raw.error(), raw.millis(), attempts);
    }
}
