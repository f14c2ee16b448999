package dev.modelapi.conformance.proxy;

import dev.modelapi.conformance.spec.Api;

import java.util.List;
import java.util.Map;

/**
 * One request the proxy forwarded and the upstream's answer, as raw as they went over the wire.
 *
 * @param api               which API the request was routed to
 * @param method            HTTP method
 * @param path              the path relative to the API's server URL ({@code /Model/getModels}, {@code /model/x})
 * @param query             query parameters
 * @param requestContentType the request's Content-Type, or null
 * @param requestBody       the request body (empty when none)
 * @param status            the upstream's status
 * @param responseContentType the answer's Content-Type, or null: the only header the rules read
 * @param responseBody      the answer's body
 */
public record ForwardedExchange(Api api, String method, String path, Map<String, List<String>> query,
                                String requestContentType, byte[] requestBody, int status,
                                String responseContentType, byte[] responseBody) {
}
