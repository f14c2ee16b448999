package dev.modelapi.pieces.client;

import dev.modelapi.client.internal.RetryRules;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

/**
 * Pieces retry rules: the HTTP methods RFC 9110 calls idempotent, and HTTP 429/503 as busy. The Pieces spec declares
 * neither status; PiecesOS does not send them, but a proxy in front of it may, and the retry is harmless when they
 * never come.
 */
final class PiecesRetryRules implements RetryRules {

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    @Override
    public boolean idempotent(HttpRequest request) {
        return IDEMPOTENT.contains(request.method());
    }

    @Override
    public String busyReason(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        return status == 429 || status == 503 ? "HTTP " + status : null;
    }
}
