package dev.modelapi.decthings.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelapi.client.internal.RetryRules;
import dev.modelapi.decthings.client.wire.DecthingsSpecDocument;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Decthings retry rules. Idempotent: the methods the spec marks {@code x-modelapi-idempotent: true}. Busy: HTTP 429
 * or 503 (what a gateway in front of the platform answers), or the platform's own way of saying it, an HTTP 200
 * envelope with {@code error.code = too_many_requests}.
 */
final class DecthingsRetryRules implements RetryRules {

    static final String EXTENSION = "x-modelapi-idempotent";
    private static final String TOO_MANY_REQUESTS = "too_many_requests";
    private static final byte[] TOO_MANY_REQUESTS_BYTES = TOO_MANY_REQUESTS.getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> idempotentMethods;

    DecthingsRetryRules(Set<String> idempotentMethods) {
        this.idempotentMethods = Set.copyOf(idempotentMethods);
    }

    /** The rules of the shipped spec. */
    static DecthingsRetryRules fromSpec() {
        return new DecthingsRetryRules(idempotentMethods(DecthingsSpecDocument.tree()));
    }

    /** Methods whose {@code POST /Model/{method}} carries {@code x-modelapi-idempotent: true}. */
    static Set<String> idempotentMethods(JsonNode openApi) {
        Set<String> methods = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = openApi.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (path.getKey().startsWith("/Model/") && path.getValue().path("post").path(EXTENSION).asBoolean(false)) {
                methods.add(path.getKey().substring("/Model/".length()));
            }
        }
        return methods;
    }

    @Override
    public boolean idempotent(HttpRequest request) {
        String path = request.uri().getPath();
        return path != null && idempotentMethods.contains(path.substring(path.lastIndexOf('/') + 1));
    }

    @Override
    public String busyReason(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 429 || status == 503) {
            return "HTTP " + status;
        }
        return status == 200 && isTooManyRequestsEnvelope(response.body()) ? TOO_MANY_REQUESTS : null;
    }

    /** Parses only bodies that mention the code at all: the envelope of every other answer is left to the caller. */
    private static boolean isTooManyRequestsEnvelope(byte[] body) {
        if (body == null || indexOf(body, TOO_MANY_REQUESTS_BYTES) < 0) {
            return false;
        }
        try {
            JsonNode envelope = JSON.readTree(body);
            return envelope != null && TOO_MANY_REQUESTS.equals(envelope.path("error").path("code").asText(null));
        } catch (IOException notJson) {
            return false;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
