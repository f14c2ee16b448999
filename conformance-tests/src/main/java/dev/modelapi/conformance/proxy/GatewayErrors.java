package dev.modelapi.conformance.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.spec.Api;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The proxy's own answers (the upstream could not be asked, or answered against the contract in strict mode), in
 * the error shape of the API the client speaks: a Decthings JSON envelope {@code {"error": {...}}}, a Pieces
 * {@code text/plain} message. Header {@link #HEADER} says it is the proxy talking, not the upstream.
 */
final class GatewayErrors {

    /** Set on every answer the proxy makes itself: {@code upstream-refused}, {@code invalid-answer}, … */
    static final String HEADER = "x-modelapi-proxy-error";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param status 502 or 504
     * @param kind   the {@link #HEADER} value
     * @param text   one sentence a person reads
     */
    record GatewayError(int status, String kind, String contentType, byte[] body) {
    }

    private GatewayErrors() {
    }

    static GatewayError of(Api api, int status, String kind, String text) {
        if (api == Api.DECTHINGS) {
            ObjectNode envelope = JSON.createObjectNode();
            envelope.putObject("error").put("code", "proxy_" + kind.replace('-', '_')).put("message", text);
            return new GatewayError(status, kind, "application/json",
                    envelope.toString().getBytes(StandardCharsets.UTF_8));
        }
        return new GatewayError(status, kind, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** A strict-mode answer: the upstream's answer broke the contract; the violations are in the body. */
    static GatewayError invalidAnswer(Api api, List<Violation> violations) {
        StringBuilder text = new StringBuilder("The upstream's answer breaks the contract (")
                .append(violations.size()).append(" violation(s)); the modelapi proxy did not pass it on:");
        violations.forEach(v -> text.append("\n- ").append(v.rule()).append(v.pointer().isEmpty() ? "" : " " + v.pointer())
                .append(": ").append(v.problem()));
        return of(api, 502, "invalid-answer", text.toString());
    }

    /**
     * An upstream that could not be asked. WireMock's proxy answers such a failure itself with a 500 whose body
     * starts with "Network failure" or "SSL failure" (and which is not marked as coming from the upstream); the
     * exception's message tells refused, reset, timeout and unknown host apart.
     */
    static GatewayError upstreamFailure(Api api, String upstream, String wiremockBody) {
        String message = wiremockBody == null ? "" : wiremockBody;
        String lower = message.toLowerCase();
        String kind;
        int status = 502;
        if (message.startsWith("SSL failure")) {
            kind = "upstream-tls";
        } else if (lower.contains("refused")) {
            kind = "upstream-refused";
        } else if (lower.contains("timed out") || lower.contains("timeout")) {
            kind = "upstream-timeout";
            status = 504;
        } else if (lower.contains("reset") || lower.contains("closed") || lower.contains("no_response")
                || lower.contains("eof")) {
            kind = "upstream-reset";
        } else if (lower.contains("unknownhost") || lower.contains("unknown host") || lower.contains("nodename")) {
            kind = "upstream-unknown-host";
        } else {
            kind = "upstream-failure";
        }
        String cause = message.contains("\n") ? message.substring(message.indexOf('\n') + 1).trim() : message;
        return of(api, status, kind, "The modelapi proxy could not get an answer from the " + api.title()
                + " upstream " + upstream + " (" + kind + "): " + cause);
    }

    static boolean isWireMockProxyFailure(String body) {
        return body != null && (body.startsWith("Network failure trying to make a proxied request")
                || body.startsWith("SSL failure trying to make a proxied request"));
    }
}
