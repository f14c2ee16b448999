package dev.modelapi.conformance.http;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Sends one HTTP request with Rest Assured, exactly as given (no charset added, no URL re-encoding). */
public final class HttpSender {

    /** What came back. {@code status} is -1 and {@code error} set when nothing did. */
    public record RawResponse(int status, Map<String, String> headers, byte[] body, long millis, String error) {
    }

    private final RestAssuredConfig config;

    public HttpSender(Duration timeout) {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        this.config = RestAssuredConfig.config()
                .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false))
                .redirect(RedirectConfig.redirectConfig().followRedirects(false))
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", millis)
                        .setParam("http.socket.timeout", millis));
    }

    public RawResponse send(String method, URI url, Map<String, String> headers, byte[] body) {
        RequestSpecification spec = RestAssured.given().config(config).urlEncodingEnabled(false);
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                spec.header(name, value);
            }
        });
        String contentType = headers.get("Content-Type");
        if (contentType != null) {
            spec.contentType(contentType);
        }
        if (body != null) {
            spec.body(body);
        }
        long start = System.nanoTime();
        try {
            Response response = spec.request(method, url.toString());
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            for (Header h : response.getHeaders()) {
                responseHeaders.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
            }
            byte[] bytes = response.asByteArray();
            return new RawResponse(response.getStatusCode(), responseHeaders, bytes == null ? new byte[0] : bytes,
                    elapsed, null);
        } catch (RuntimeException e) {
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return new RawResponse(-1, Map.of(), new byte[0], elapsed,
                    root.getClass().getSimpleName() + ": " + root.getMessage());
        }
    }
}
