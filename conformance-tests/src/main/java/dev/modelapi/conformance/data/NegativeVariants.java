package dev.modelapi.conformance.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.conformance.spec.SpecCatalog;
import dev.modelapi.conformance.validation.SpecValidator;
import io.swagger.v3.oas.models.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

/**
 * Derives invalid requests from a valid one and the operation's request schema: a required property removed, a value
 * of the wrong JSON type, a value outside an enum or a pattern, a number out of range, a string outside
 * {@code minLength}/{@code maxLength}, an array outside {@code minItems}/{@code maxItems}, a discriminator naming no
 * variant, an undeclared property where the object is closed; at any depth, inside arrays (their first item) and
 * inside the selected variant of a union. Each variant breaks one field and is re-validated against the spec before
 * it is used: a variant that the spec would still accept (a false positive in the making) is dropped.
 */
public final class NegativeVariants extends DerivedVariants {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public NegativeVariants(ApiOperation operation, SpecValidator validator) {
        super(operation, validator, false, 0);
    }

    @Override
    List<Mutation> derive(JsonNode validRequest) {
        return candidates(operation.catalog(), operation.jsonRequest().getSchema(), validRequest);
    }

    /**
     * The variants before re-validation: what the walk derives from {@code schema} for {@code valid} (a request,
     * or any document that the schema describes: the engines' agreement test breaks answers with it).
     */
    public static List<Mutation> candidates(SpecCatalog catalog, Schema<?> schema, JsonNode validRequest) {
        return RequestWalk.mutations(catalog, schema, validRequest, Breaker::new);
    }

    /** Breaks each value of the walked document in each way its schema allows. */
    private record Breaker(JsonNode root, Consumer<Mutation> out) implements RequestWalk.Visitor {

        private void emit(Mutation.Kind kind, Location at, JsonNode value) {
            out.accept(Mutation.at(kind, at, root, value));
        }

        @Override
        public void object(ObjectNode object, Location at, SchemaView declared, SchemaView seen) {
            String tag = declared.discriminatorProperty();
            if (tag != null && object.has(tag)) {
                emit(Mutation.Kind.UNKNOWN_VARIANT, at.property(tag), JSON.textNode("conformance-no-such-variant"));
            }
            if (seen.closed()) {
                emit(Mutation.Kind.UNDECLARED_PROPERTY, at.property("conformanceUndeclared"), JSON.booleanNode(true));
            }
        }

        @Override
        public void property(Location at, boolean required) {
            if (required) {
                emit(Mutation.Kind.MISSING_REQUIRED, at, null);
            }
        }

        @Override
        public void value(JsonNode value, Location at, SchemaView prop) {
            String type = prop.type();
            JsonNode wrong = wrongType(type);
            if (wrong != null) {
                emit(Mutation.Kind.WRONG_TYPE, at, wrong);
            }
            if (!prop.enumValues().isEmpty()) {
                emit(Mutation.Kind.BAD_ENUM, at, JSON.textNode("conformance-not-in-enum"));
            } else if (prop.pattern() != null && "string".equals(type)) {
                emit(Mutation.Kind.BAD_PATTERN, at, JSON.textNode("conformance-not-matching"));
            }
            if ("string".equals(type)) {
                if (prop.minLength() != null && prop.minLength() > 0) {
                    emit(Mutation.Kind.TOO_SHORT, at, JSON.textNode("x".repeat(prop.minLength() - 1)));
                }
                if (prop.maxLength() != null) {
                    emit(Mutation.Kind.TOO_LONG, at, JSON.textNode("x".repeat(prop.maxLength() + 1)));
                }
            }
            if ("integer".equals(type) || "number".equals(type)) {
                if (prop.minimum() != null) {
                    BigDecimal below = prop.exclusiveMinimum() ? prop.minimum() : prop.minimum().subtract(BigDecimal.ONE);
                    emit(Mutation.Kind.OUT_OF_RANGE, at, number(type, below));
                }
                if (prop.maximum() != null) {
                    BigDecimal above = prop.exclusiveMaximum() ? prop.maximum() : prop.maximum().add(BigDecimal.ONE);
                    emit(Mutation.Kind.OUT_OF_RANGE, at, number(type, above));
                }
            }
            if (value instanceof ArrayNode array) {
                if (prop.minItems() != null && prop.minItems() > 0 && array.size() >= prop.minItems()) {
                    emit(Mutation.Kind.TOO_FEW_ITEMS, at, resized(array, prop.minItems() - 1));
                }
                if (prop.maxItems() != null && !array.isEmpty()) {
                    emit(Mutation.Kind.TOO_MANY_ITEMS, at, resized(array, prop.maxItems() + 1));
                }
            }
        }
    }

    /**
     * A copy of a non-empty array with exactly {@code size} items: the last ones dropped, or the last one repeated.
     */
    static ArrayNode resized(ArrayNode array, int size) {
        ArrayNode copy = array.deepCopy();
        while (copy.size() > size) {
            copy.remove(copy.size() - 1);
        }
        while (copy.size() < size) {
            copy.add(array.get(array.size() - 1).deepCopy());
        }
        return copy;
    }

    static JsonNode number(String type, BigDecimal value) {
        return "integer".equals(type) ? JSON.numberNode(value.toBigInteger()) : JSON.numberNode(value);
    }

    private static JsonNode wrongType(String type) {
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
