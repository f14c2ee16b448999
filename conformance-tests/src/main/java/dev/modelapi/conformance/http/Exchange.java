package dev.modelapi.conformance.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelapi.conformance.config.Transport;
import dev.modelapi.conformance.spec.ApiOperation;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One request the suite sent and what came back, with what the suite made of the body.
 *
 * @param operation the spec operation
 * @param intent why the request was sent
 * @param description what the request is ("example 'success'", "missing required options.language", …)
 * @param field for negative requests, the field that was broken (dotted path); else null
 * @param httpMethod GET, POST, HEAD
 * @param url the full URL
 * @param requestHeaders headers sent, secrets included (the curl reproducer replaces them by variables)
 * @param requestBody bytes sent, or null
 * @param requestJson the logical request document, or null
 * @param transport the Decthings transport used, or null for Pieces
 * @param status HTTP status, or -1 when nothing came back
 * @param responseHeaders response headers (first value each, lower-case names)
 * @param responseBody response bytes (empty when none)
 * @param responseJson the logical JSON answer (Decthings: frame decoded and blobs joined), or null
 * @param decodeError why the body could not be turned into {@code responseJson}, or null
 * @param blobCount number of blobs in a framed answer, or -1
 * @param transportError the I/O error when nothing came back, or null
 * @param millis duration of the last attempt
 * @param attempts attempts made (more than 1 after too_many_requests)
 */
public record Exchange(ApiOperation operation, Intent intent, String description, String field,
                       String httpMethod, URI url, Map<String, String> requestHeaders, byte[] requestBody,
                       JsonNode requestJson, Transport transport,
                       int status, Map<String, String> responseHeaders, byte[] responseBody, JsonNode responseJson,
                       String decodeError, int blobCount, String transportError, long millis, int attempts) {

    /** The same exchange, recorded as having needed {@code attempts} tries (retries after rate limiting). */
    public Exchange withAttempts(int attempts) {
        return new Exchange(operation, intent, description, field, httpMethod, url, requestHeaders, requestBody,
                requestJson, transport, status, responseHeaders, responseBody, responseJson, decodeError, blobCount,
                transportError, millis, attempts);
    }

    public String contentType() {
        return responseHeaders.get("content-type");
    }

    /** The media type of the answer without parameters, lower case, or null. */
    public String mediaType() {
        return mediaTypeOf(contentType());
    }

    /**
     * Whether a media type (as {@link #mediaTypeOf} gives it; null for none) is JSON: {@code application/json} or a
     * {@code +json} suffix.
     */
    public static boolean isJson(String mediaType) {
        return mediaType != null && (mediaType.equals("application/json") || mediaType.endsWith("+json"));
    }

    public static String mediaTypeOf(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    public String requestContentType() {
        return requestHeaders.get("Content-Type");
    }

    public boolean answered() {
        return status >= 0;
    }

    /** For Decthings: the {@code error} object of the envelope, or null. */
    public JsonNode error() {
        return responseJson != null && responseJson.isObject() && responseJson.get("error") != null
                ? responseJson.get("error") : null;
    }

    /** For Decthings: the {@code error.code}, or null. */
    public String errorCode() {
        JsonNode error = error();
        return error != null && error.get("code") != null && error.get("code").isTextual()
                ? error.get("code").asText() : null;
    }

    /** For Decthings: the {@code result} object, or null. */
    public JsonNode result() {
        return responseJson != null && responseJson.isObject() ? responseJson.get("result") : null;
    }

    /** The answer as text, shortened for messages (binary bodies show their JSON part). */
    public String responseSummary() {
        if (!answered()) {
            return "no answer: " + transportError;
        }
        String body;
        if (responseJson != null) {
            body = responseJson.toString();
        } else if (responseBody.length == 0) {
            body = "(empty body)";
        } else if (isText(mediaType())) {
            body = new String(responseBody, StandardCharsets.UTF_8);
        } else {
            body = "(" + responseBody.length + " bytes of " + mediaType() + ")";
        }
        return "HTTP " + status + " " + (contentType() == null ? "(no Content-Type)" : contentType()) + " "
                + shorten(body, 600);
    }

    /** The request as text for messages. */
    public String requestSummary() {
        String body = requestJson != null ? requestJson.toString()
                : requestBody == null ? "" : "(" + requestBody.length + " bytes)";
        return httpMethod + " " + url + (transport == null ? "" : " [" + transport.key() + "]") + " "
                + shorten(body, 400);
    }

    /** {@code createModel (example 'success')}. */
    public String title() {
        return operation.id() + " (" + description + ")";
    }

    private static boolean isText(String mediaType) {
        return mediaType != null && (mediaType.startsWith("text/") || mediaType.endsWith("json"));
    }

    public static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "… (" + s.length() + " chars)";
    }
}
