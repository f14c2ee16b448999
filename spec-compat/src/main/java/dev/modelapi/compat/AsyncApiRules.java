package dev.modelapi.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Channel by channel of two AsyncAPI 2.x documents: {@code channel-removed}, {@code channel-added},
 * {@code message-content-type-changed}, and the message payload of each operation through {@link SchemaRules}
 * ({@code subscribe}: the server sends it, so response rules; {@code publish}: request rules). A payload that
 * {@code $ref}s a schema of an OpenAPI document of the bundle is compared there.
 */
final class AsyncApiRules {

    private final SpecTree base;
    private final SpecTree head;
    private final Function<String, SpecTree> baseDocuments;
    private final Function<String, SpecTree> headDocuments;
    private final Consumer<Finding> out;

    /**
     * @param baseDocuments the base version of another document of the bundle, by its path relative to the
     *                      AsyncAPI document's folder ({@code ../openapi/pieces-model-api.yaml}), or {@code null}
     */
    AsyncApiRules(SpecTree base, SpecTree head, Function<String, SpecTree> baseDocuments,
                  Function<String, SpecTree> headDocuments, Consumer<Finding> out) {
        this.base = base;
        this.head = head;
        this.baseDocuments = baseDocuments;
        this.headDocuments = headDocuments;
        this.out = out;
    }

    void compare() {
        JsonNode bChannels = base.root.path("channels");
        JsonNode hChannels = head.root.path("channels");
        for (Iterator<Map.Entry<String, JsonNode>> it = bChannels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> channel = it.next();
            JsonNode h = hChannels.get(channel.getKey());
            if (h == null) {
                out.accept(new Finding(Severity.BREAKING, "channel-removed", head.name, channel.getKey(), "",
                        "the channel is gone"));
                continue;
            }
            compareOperation(channel.getKey(), "subscribe", channel.getValue(), h, Direction.RESPONSE);
            compareOperation(channel.getKey(), "publish", channel.getValue(), h, Direction.REQUEST);
        }
        for (Iterator<String> it = hChannels.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!bChannels.has(name)) {
                out.accept(new Finding(Severity.COMPATIBLE, "channel-added", head.name, name, "", "new channel"));
            }
        }
    }

    private void compareOperation(String channel, String kind, JsonNode b, JsonNode h, Direction direction) {
        if (!b.has(kind)) {
            return;
        }
        String op = b.path(kind).path("operationId").asText(channel);
        if (!h.has(kind)) {
            out.accept(new Finding(Severity.BREAKING, "channel-removed", head.name, op, "", kind + " is gone"));
            return;
        }
        JsonNode bMessage = base.resolve(b.path(kind).path("message"));
        JsonNode hMessage = head.resolve(h.path(kind).path("message"));
        String bType = bMessage.path("contentType").asText(base.root.path("defaultContentType").asText(""));
        String hType = hMessage.path("contentType").asText(head.root.path("defaultContentType").asText(""));
        if (!bType.equals(hType)) {
            out.accept(new Finding(Severity.BREAKING, "message-content-type-changed", head.name, op, "",
                    bType + " → " + hType));
        }
        JsonNode bPayload = bMessage.path("payload");
        JsonNode hPayload = hMessage.path("payload");
        String bRef = bPayload.path("$ref").asText("");
        String hRef = hPayload.path("$ref").asText("");
        if (isExternal(bRef) && bRef.equals(hRef) && baseDocuments != null) {
            String document = bRef.substring(0, bRef.indexOf('#'));
            SpecTree bDoc = baseDocuments.apply(document);
            SpecTree hDoc = headDocuments.apply(document);
            if (bDoc != null && hDoc != null) {
                String local = bRef.substring(bRef.indexOf('#'));
                JsonNode ref = JsonNodeFactory.instance.objectNode().put("$ref", local);
                new SchemaRules(bDoc, hDoc, op, f -> out.accept(new Finding(f.severity(), f.rule(), head.name,
                        f.operation(), f.pointer(), f.message() + " (payload " + bRef + ")")))
                        .compare(ref, ref, direction, "");
                return;
            }
        }
        new SchemaRules(base, head, op, out).compare(bPayload, hPayload, direction, "");
    }

    private static boolean isExternal(String ref) {
        return !ref.isEmpty() && !ref.startsWith("#") && ref.contains("#");
    }
}
