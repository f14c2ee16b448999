package dev.modelapi.conformance.data;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Derives invalid requests from a valid one and the operation's request schema: a required property removed, a value
 * of the wrong JSON type, a value outside an enum or a pattern, a number out of range, a string outside
 * {@code minLength}/{@code maxLength}, an array outside {@code minItems}/{@code maxItems}, a discriminator naming no
 * variant, an undeclared property where the object is closed; at any depth, inside arrays (their first item) and
 * inside the selected variant of a union. Each variant breaks one field and is re-validated against the spec before
 * it is used: a variant that the spec would still accept (a false positive in the making) is dropped.
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
        collect(validRequest, validRequest, Location.ROOT, schema, 0, candidates::add);
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

    /** Where a value sits: its JSON Pointer (to edit a copy) and its readable path (to name the field). */
    private record Location(JsonPointer pointer, String field) {
        static final Location ROOT = new Location(JsonPointer.empty(), "");

        Location property(String name) {
            return new Location(pointer.appendProperty(name), field.isEmpty() ? name : field + "." + name);
        }

        Location item(int index) {
            return new Location(pointer.appendIndex(index), field + "[" + index + "]");
        }
    }

    /** The variants of the object {@code node} at {@code at}: each of its properties broken in each applicable way. */
    private void collect(JsonNode root, JsonNode node, Location at, Schema<?> schema, int depth,
                         Consumer<Mutation> out) {
        if (depth > MAX_DEPTH || !(node instanceof ObjectNode object)) {
            return;
        }
        String tag = SchemaView.of(operation.catalog(), schema, null).discriminatorProperty();
        if (tag != null && object.has(tag)) {
            Location field = at.property(tag);
            out.accept(new Mutation(Mutation.Kind.UNKNOWN_VARIANT, field.field(),
                    set(root, field, JSON.textNode("conformance-no-such-variant"))));
        }
        SchemaView view = SchemaView.of(operation.catalog(), schema, node);
        if (view.closed()) {
            Location extra = at.property("conformanceUndeclared");
            out.accept(new Mutation(Mutation.Kind.UNDECLARED_PROPERTY, extra.field(), set(root, extra, JSON.booleanNode(true))));
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            Schema<?> propSchema = view.properties().get(name);
            if (propSchema == null) {
                continue;
            }
            Location field = at.property(name);
            if (view.required().contains(name)) {
                out.accept(new Mutation(Mutation.Kind.MISSING_REQUIRED, field.field(), set(root, field, null)));
            }
            value(root, object.get(name), field, propSchema, depth, out);
        }
    }

    /** The variants of one value (a property or an array item) at {@code at}, then of what it contains. */
    private void value(JsonNode root, JsonNode value, Location at, Schema<?> schema, int depth, Consumer<Mutation> out) {
        SchemaView prop = SchemaView.of(operation.catalog(), schema, value);
        String type = prop.type();
        JsonNode wrong = wrongType(type, value);
        if (wrong != null) {
            out.accept(new Mutation(Mutation.Kind.WRONG_TYPE, at.field(), set(root, at, wrong)));
        }
        if (!prop.enumValues().isEmpty()) {
            out.accept(new Mutation(Mutation.Kind.BAD_ENUM, at.field(), set(root, at, JSON.textNode("conformance-not-in-enum"))));
        } else if (prop.pattern() != null && "string".equals(type)) {
            out.accept(new Mutation(Mutation.Kind.BAD_PATTERN, at.field(), set(root, at, JSON.textNode("conformance-not-matching"))));
        }
        if ("string".equals(type)) {
            if (prop.minLength() != null && prop.minLength() > 0) {
                out.accept(new Mutation(Mutation.Kind.TOO_SHORT, at.field(), set(root, at, JSON.textNode("x".repeat(prop.minLength() - 1)))));
            }
            if (prop.maxLength() != null) {
                out.accept(new Mutation(Mutation.Kind.TOO_LONG, at.field(), set(root, at, JSON.textNode("x".repeat(prop.maxLength() + 1)))));
            }
        }
        if ("integer".equals(type) || "number".equals(type)) {
            if (prop.minimum() != null) {
                BigDecimal below = prop.exclusiveMinimum() ? prop.minimum() : prop.minimum().subtract(BigDecimal.ONE);
                out.accept(new Mutation(Mutation.Kind.OUT_OF_RANGE, at.field(), set(root, at, number(type, below))));
            }
            if (prop.maximum() != null) {
                BigDecimal above = prop.exclusiveMaximum() ? prop.maximum() : prop.maximum().add(BigDecimal.ONE);
                out.accept(new Mutation(Mutation.Kind.OUT_OF_RANGE, at.field(), set(root, at, number(type, above))));
            }
        }
        if (value instanceof ArrayNode array) {
            if (prop.minItems() != null && prop.minItems() > 0 && array.size() >= prop.minItems()) {
                ArrayNode fewer = array.deepCopy();
                while (fewer.size() >= prop.minItems()) {
                    fewer.remove(fewer.size() - 1);
                }
                out.accept(new Mutation(Mutation.Kind.TOO_FEW_ITEMS, at.field(), set(root, at, fewer)));
            }
            if (prop.maxItems() != null && !array.isEmpty()) {
                ArrayNode more = array.deepCopy();
                while (more.size() <= prop.maxItems()) {
                    more.add(array.get(array.size() - 1).deepCopy());
                }
                out.accept(new Mutation(Mutation.Kind.TOO_MANY_ITEMS, at.field(), set(root, at, more)));
            }
            Schema<?> items = prop.schema().getItems();
            if (items != null && !array.isEmpty()) {
                // the first item stands for all: they share the item schema (a union's variants are each tried
                // where the example holds them in separate requests)
                value(root, array.get(0), at.item(0), items, depth + 1, out);
            }
        } else if (value.isObject()) {
            collect(root, value, at, schema, depth + 1, out);
        }
    }

    private static JsonNode number(String type, BigDecimal value) {
        return "integer".equals(type) ? JSON.numberNode(value.toBigInteger()) : JSON.numberNode(value);
    }

    /** A copy of root with the value at {@code at} replaced (removed when null; added when absent). */
    private static JsonNode set(JsonNode root, Location at, JsonNode value) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy.at(at.pointer().head());
        String last = at.pointer().last().getMatchingProperty();
        if (parent instanceof ArrayNode array) {
            int index = at.pointer().last().getMatchingIndex();
            if (value == null) {
                array.remove(index);
            } else {
                array.set(index, value);
            }
        } else if (value == null) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ObjectNode) parent).set(last, value); // Jackson keeps the position of a replaced property
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
