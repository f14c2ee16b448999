package dev.modelapi.compat;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Operation by operation of two OpenAPI documents: {@code operation-removed}, {@code operation-added},
 * {@code status-removed}, {@code status-added} (strict clients), {@code request-parameter-required},
 * {@code decthings-blobs-changed} (wire-breaking: the framing of the call changes), and the request body and every
 * response body of each status through {@link SchemaRules}.
 */
final class OperationRules {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch");

    private final SpecTree base;
    private final SpecTree head;
    private final Consumer<Finding> out;
    private String currentOp = "-";

    OperationRules(SpecTree base, SpecTree head, Consumer<Finding> out) {
        this.base = base;
        this.head = head;
        this.out = out;
    }

    void compare() {
        Map<String, JsonNode> bOps = operations(base);
        Map<String, JsonNode> hOps = operations(head);
        bOps.forEach((key, b) -> {
            JsonNode h = hOps.get(key);
            if (h == null) {
                out.accept(new Finding(Severity.BREAKING, "operation-removed", head.name, id(b, key), "", key + " is gone"));
            } else {
                compare(id(h, key), b, h);
            }
        });
        hOps.forEach((key, h) -> {
            if (!bOps.containsKey(key)) {
                out.accept(new Finding(Severity.COMPATIBLE, "operation-added", head.name, id(h, key), "", key + " is new"));
            }
        });
    }

    private void compare(String op, JsonNode b, JsonNode h) {
        currentOp = op;
        SchemaRules schemas = new SchemaRules(base, head, op, out);
        if (!b.path("x-decthings-blobs").equals(h.path("x-decthings-blobs"))) {
            out.accept(new Finding(Severity.BREAKING, "decthings-blobs-changed", head.name, op, "",
                    "the binary framing changes: " + b.path("x-decthings-blobs") + " → " + h.path("x-decthings-blobs")));
        }
        compareParameters(op, b, h);
        JsonNode bBody = base.resolve(b.path("requestBody"));
        JsonNode hBody = head.resolve(h.path("requestBody"));
        if (!bBody.path("required").asBoolean(false) && hBody.path("required").asBoolean(false)) {
            out.accept(new Finding(Severity.BREAKING, "request-required-added", head.name, op, "", "the body is now required"));
        }
        forEachMedia(bBody, hBody, (media, bSchema, hSchema) ->
                schemas.compare(bSchema, hSchema, Direction.REQUEST, ""));
        JsonNode bResponses = b.path("responses");
        JsonNode hResponses = h.path("responses");
        for (Iterator<String> it = bResponses.fieldNames(); it.hasNext(); ) {
            String status = it.next();
            if (!hResponses.has(status)) {
                out.accept(new Finding(Severity.BREAKING, "status-removed", head.name, op, "",
                        "status " + status + " is no longer declared"));
                continue;
            }
            forEachMedia(base.resolve(bResponses.get(status)), head.resolve(hResponses.get(status)),
                    (media, bSchema, hSchema) -> schemas.compare(bSchema, hSchema, Direction.RESPONSE, ""));
        }
        for (Iterator<String> it = hResponses.fieldNames(); it.hasNext(); ) {
            String status = it.next();
            if (!bResponses.has(status)) {
                out.accept(new Finding(Severity.STRICT_CLIENTS, "status-added", head.name, op, "",
                        "may now answer " + status));
            }
        }
    }

    private void compareParameters(String op, JsonNode b, JsonNode h) {
        Map<String, JsonNode> bParams = parameters(base, b);
        Map<String, JsonNode> hParams = parameters(head, h);
        SchemaRules schemas = new SchemaRules(base, head, op, out);
        hParams.forEach((key, hp) -> {
            JsonNode bp = bParams.get(key);
            boolean required = hp.path("required").asBoolean(false);
            if (required && (bp == null || !bp.path("required").asBoolean(false))) {
                out.accept(new Finding(Severity.BREAKING, "request-parameter-required", head.name, op, key,
                        bp == null ? "new required parameter" : "optional → required"));
            }
            if (bp != null) {
                schemas.compare(bp.path("schema"), hp.path("schema"), Direction.REQUEST, key);
            }
        });
    }

    private static Map<String, JsonNode> parameters(SpecTree tree, JsonNode operation) {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        for (JsonNode p : operation.path("parameters")) {
            JsonNode resolved = tree.resolve(p);
            params.put(resolved.path("in").asText() + ":" + resolved.path("name").asText(), resolved);
        }
        return params;
    }

    @FunctionalInterface
    private interface MediaPair {
        void accept(String media, JsonNode baseSchema, JsonNode headSchema);
    }

    /** The schemas of each media type both sides declare (a media type removed is a content-type change). */
    private void forEachMedia(JsonNode b, JsonNode h, MediaPair pair) {
        JsonNode bContent = b.path("content");
        for (Iterator<String> it = bContent.fieldNames(); it.hasNext(); ) {
            String media = it.next();
            JsonNode hMedia = h.path("content").path(media);
            if (hMedia.isMissingNode()) {
                out.accept(new Finding(Severity.BREAKING, "media-type-removed", head.name, currentOp, "", media + " is no longer declared"));
                continue;
            }
            pair.accept(media, bContent.get(media).path("schema"), hMedia.path("schema"));
        }
    }

    /** {@code METHOD path} → operation, for every operation of the document. */
    private static Map<String, JsonNode> operations(SpecTree tree) {
        Map<String, JsonNode> ops = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.root.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    ops.put(method.toUpperCase() + " " + path.getKey(), op);
                }
            }
        }
        return ops;
    }

    private static String id(JsonNode op, String key) {
        return op.path("operationId").asText(key);
    }
}
