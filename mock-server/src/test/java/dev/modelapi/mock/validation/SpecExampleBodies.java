package dev.modelapi.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.modelapi.spec.ModelApiSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The JSON request and response examples of a spec document, with the request path to send them to. */
final class SpecExampleBodies {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    record Body(String method, String path, Integer status, String name, JsonNode value) {
        boolean isRequest() {
            return status == null;
        }
    }

    private SpecExampleBodies() {
    }

    static JsonNode document(ModelApiSpec spec) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(spec.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Body> of(ModelApiSpec spec) {
        JsonNode doc = document(spec);
        String base = spec == ModelApiSpec.DECTHINGS ? "/v0" : "";
        List<Body> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            String sent = base + path.getKey().replaceAll("\\{[^}]+}", "some-id");
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String method = op.getKey().toUpperCase(Locale.ROOT);
                JsonNode request = resolve(doc, op.getValue().path("requestBody"));
                addExamples(doc, request.path("content").path("application/json"), method, sent, null, out);
                for (Iterator<Map.Entry<String, JsonNode>> rs = op.getValue().path("responses").fields();
                     rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    JsonNode media = resolve(doc, r.getValue()).path("content").path("application/json");
                    addExamples(doc, media, method, sent, Integer.parseInt(r.getKey()), out);
                }
            }
        }
        return out;
    }

    private static void addExamples(JsonNode doc, JsonNode media, String method, String path, Integer status,
                                    List<Body> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = media.path("examples").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = resolve(doc, e.getValue()).get("value");
            if (value != null) {
                out.add(new Body(method, path, status, e.getKey(), value));
            }
        }
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        while (node.has("$ref")) {
            node = doc.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }
}
