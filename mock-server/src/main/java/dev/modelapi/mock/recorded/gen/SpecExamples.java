package dev.modelapi.mock.recorded.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.modelapi.mock.recorded.ApiKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads every operation's named response examples out of a spec document (the YAML text, refs resolved here). */
final class SpecExamples {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private SpecExamples() {
    }

    static List<SpecOperation> read(ApiKind api) {
        JsonNode doc;
        try {
            doc = new ObjectMapper(new YAMLFactory()).readTree(api.spec().text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base = api == ApiKind.DECTHINGS ? "/v0" : "";
        List<SpecOperation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                out.add(new SpecOperation(api, op.getValue().path("operationId").asText(),
                        op.getKey().toUpperCase(Locale.ROOT), base + path.getKey(),
                        examples(doc, op.getValue().path("responses"))));
            }
        }
        return out;
    }

    private static List<SpecExample> examples(JsonNode doc, JsonNode responses) {
        List<SpecExample> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            int status = Integer.parseInt(r.getKey());
            JsonNode response = resolve(doc, r.getValue());
            JsonNode content = response.path("content");
            if (!content.isObject() || content.isEmpty()) {
                out.add(new SpecExample(status, null, null, null));
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> media = content.fields(); media.hasNext(); ) {
                Map.Entry<String, JsonNode> m = media.next();
                for (Iterator<Map.Entry<String, JsonNode>> ex = m.getValue().path("examples").fields(); ex.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = ex.next();
                    out.add(new SpecExample(status, m.getKey(), e.getKey(), resolve(doc, e.getValue()).path("value")));
                }
            }
        }
        return out;
    }

    /** Follows a local {@code $ref} (recursively); other nodes are returned as they are. */
    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref == null || !ref.isTextual() || !ref.asText().startsWith("#/")) {
            return node;
        }
        JsonNode target = doc;
        for (String part : ref.asText().substring(2).split("/")) {
            target = target.path(part.replace("~1", "/").replace("~0", "~"));
        }
        if (target.isMissingNode()) {
            throw new IllegalStateException("Unresolvable reference " + ref.asText());
        }
        return resolve(doc, target);
    }
}
