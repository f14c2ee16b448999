package dev.modelapi.conformance.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.conformance.validation.SpecValidator;
import io.swagger.v3.oas.models.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Derives invalid requests from a valid one and the operation's request schema: a required property removed, a value
 * of the wrong JSON type, a value outside an enum or a pattern, a number out of range. Each variant breaks one field
 * and is re-validated against the spec before it is used: a variant that the spec would still accept (a false
 * positive in the making) is dropped.
 */
public final class NegativeVariants {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 4;

    private final ApiOperation operation;
    private final SpecValidator validator;

    public NegativeVariants(ApiOperation operation, SpecValidator validator) {
        this.operation = operation;
        this.validator = validator;
    }

    /** Every variant that the spec rejects, in a stable order. */
    public List<Mutation> all(JsonNode validRequest) {
        Schema<?> schema = operation.jsonRequest().getSchema();
        List<Mutation> candidates = new ArrayList<>();
        collect(validRequest, validRequest, "", schema, 0, candidates::add);
        List<Mutation> rejected = new ArrayList<>();
        for (Mutation m : candidates) {
            if (!validator.requestBodyProblems(operation, m.body()).isEmpty()) {
                rejected.add(m);
            }
        }
        return rejected;
    }

    /**
     * At most {@code limit} variants chosen with the seed, taking the kinds in turn so that each kind is represented
     * when it exists.
     */
    public List<Mutation> choose(JsonNode validRequest, int limit, long seed) {
        List<Mutation> all = all(validRequest);
        Map<Mutation.Kind, List<Mutation>> byKind = new EnumMap<>(Mutation.Kind.class);
        all.forEach(m -> byKind.computeIfAbsent(m.kind(), k -> new ArrayList<>()).add(m));
        Random random = new Random(seed ^ operation.key().hashCode());
        byKind.values().forEach(list -> Collections.shuffle(list, random));
        List<Mutation> chosen = new ArrayList<>();
        boolean added = true;
        while (chosen.size() < limit && added) {
            added = false;
            for (List<Mutation> list : byKind.values()) {
                if (!list.isEmpty() && chosen.size() < limit) {
                    chosen.add(list.remove(0));
                    added = true;
                }
            }
        }
        return chosen;
    }

    private void collect(JsonNode root, JsonNode node, String path, Schema<?> schema, int depth,
                         Consumer<Mutation> out) {
        if (depth > MAX_DEPTH || !(node instanceof ObjectNode object)) {
            return;
        }
        SchemaView view = SchemaView.of(operation.catalog(), schema, node);
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode value = object.get(name);
            String field = path.isEmpty() ? name : path + "." + name;
            Schema<?> propSchema = view.properties().get(name);
            if (propSchema == null) {
                continue;
            }
            SchemaView prop = SchemaView.of(operation.catalog(), propSchema, value);
            if (view.required().contains(name)) {
                out.accept(new Mutation(Mutation.Kind.MISSING_REQUIRED, field, replace(root, path, name, null)));
            }
            JsonNode wrong = wrongType(prop.type(), value);
            if (wrong != null) {
                out.accept(new Mutation(Mutation.Kind.WRONG_TYPE, field, replace(root, path, name, wrong)));
            }
            if (!prop.enumValues().isEmpty()) {
                out.accept(new Mutation(Mutation.Kind.BAD_ENUM, field,
                        replace(root, path, name, JSON.textNode("conformance-not-in-enum"))));
            } else if (prop.pattern() != null && "string".equals(prop.type())) {
                out.accept(new Mutation(Mutation.Kind.BAD_PATTERN, field,
                        replace(root, path, name, JSON.textNode("conformance-not-matching"))));
            }
            if (("integer".equals(prop.type()) || "number".equals(prop.type()))) {
                if (prop.minimum() != null) {
                    BigDecimal below = prop.exclusiveMinimum() ? prop.minimum() : prop.minimum().subtract(BigDecimal.ONE);
                    out.accept(new Mutation(Mutation.Kind.OUT_OF_RANGE, field, replace(root, path, name,
                            "integer".equals(prop.type()) ? JSON.numberNode(below.toBigInteger()) : JSON.numberNode(below))));
                }
                if (prop.maximum() != null) {
                    BigDecimal above = prop.exclusiveMaximum() ? prop.maximum() : prop.maximum().add(BigDecimal.ONE);
                    out.accept(new Mutation(Mutation.Kind.OUT_OF_RANGE, field, replace(root, path, name,
                            "integer".equals(prop.type()) ? JSON.numberNode(above.toBigInteger()) : JSON.numberNode(above))));
                }
            }
            if (value.isObject()) {
                collect(root, value, field, propSchema, depth + 1, out);
            }
        }
    }

    /** A copy of root with {@code path.name} set to {@code value} (removed when null). */
    private static JsonNode replace(JsonNode root, String path, String name, JsonNode value) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy;
        if (!path.isEmpty()) {
            for (String segment : path.split("\\.")) {
                parent = parent.get(segment);
            }
        }
        ObjectNode object = (ObjectNode) parent;
        if (value == null) {
            object.remove(name);
        } else {
            // keep the property order: rebuild
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            object.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
            fields.put(name, value);
            object.removeAll();
            fields.forEach(object::set);
        }
        return copy;
    }

    private static JsonNode wrongType(String type, JsonNode value) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "string" -> JSON.numberNode(12345);
            case "integer", "number" -> JSON.textNode("not-a-number");
            case "boolean" -> JSON.textNode("not-a-boolean");
            case "object" -> JSON.textNode("not-an-object");
            case "array" -> JSON.textNode("not-an-array");
            default -> null;
        };
    }
}
