package dev.modelapi.mock.recorded.gen;

import dev.modelapi.mock.recorded.ApiKind;

import java.util.List;

/**
 * One operation of a spec with its response examples in document order.
 *
 * @param urlPath the concrete path as the mock serves it, with {@code {param}}s still in ({@code /v0} prefixed
 *     for Decthings)
 */
record SpecOperation(ApiKind api, String operationId, String httpMethod, String urlPath, List<SpecExample> examples) {

    boolean templated() {
        return urlPath.contains("{");
    }

    /** A regex for the path, each {@code {param}} matching one segment. */
    String urlPathRegex() {
        StringBuilder sb = new StringBuilder();
        for (String part : urlPath.split("(?=\\{)|(?<=})")) {
            sb.append(part.startsWith("{") ? "[^/]+" : java.util.regex.Pattern.quote(part));
        }
        return sb.toString();
    }
}
