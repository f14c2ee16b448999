package dev.modelapi.conformance.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.conformance.spec.SpecCatalog;
import dev.modelapi.conformance.validation.SpecValidator;
import io.swagger.v3.oas.models.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

/**
 * Derives valid requests at the edges of what the schema allows from a valid one: a number at its {@code minimum}
 * or {@code maximum} (for an exclusive bound, the nearest value inside it), a string of exactly {@code minLength} or
 * {@code maxLength} characters, an array of exactly {@code minItems} or {@code maxItems} items; at any depth, as
 * {@link NegativeVariants} walks. Off-by-one bounds in a deployment reject these. Each variant changes one field
 * and is re-validated against the spec before it is used: one the spec would reject (a pattern the padded string
 * no longer matches, say) is dropped.
 */
public final class BoundaryVariants extends DerivedVariants {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The step inside an exclusive bound of a {@code number} (an {@code integer} steps by one). */
    private static final BigDecimal NUMBER_STEP = new BigDecimal("0.001");

    public BoundaryVariants(ApiOperation operation, SpecValidator validator) {
        super(operation, validator, true, 0xB0D);
    }

    @Override
    List<Mutation> derive(JsonNode validRequest) {
        return candidates(operation.catalog(), operation.jsonRequest().getSchema(), validRequest);
    }

    /** The variants before re-validation: what the walk derives from {@code schema} for {@code validRequest}. */
    static List<Mutation> candidates(SpecCatalog catalog, Schema<?> schema, JsonNode validRequest) {
        return RequestWalk.mutations(catalog, schema, validRequest, Edges::new);
    }

    /** Sets each constrained value of the walked document to each of its bounds. */
    private record Edges(JsonNode root, Consumer<Mutation> out) implements RequestWalk.Visitor {

        private void emit(Mutation.Kind kind, Location at, JsonNode value) {
            out.accept(Mutation.at(kind, at, root, value));
        }

        @Override
        public void value(JsonNode value, Location at, SchemaView prop) {
            String type = prop.type();
            if (("integer".equals(type) || "number".equals(type)) && value.isNumber()) {
                BigDecimal step = "integer".equals(type) ? BigDecimal.ONE : NUMBER_STEP;
                if (prop.minimum() != null) {
                    BigDecimal least = prop.exclusiveMinimum() ? prop.minimum().add(step) : prop.minimum();
                    emit(Mutation.Kind.AT_MINIMUM, at, NegativeVariants.number(type, least));
                }
                if (prop.maximum() != null) {
                    BigDecimal greatest = prop.exclusiveMaximum() ? prop.maximum().subtract(step) : prop.maximum();
                    emit(Mutation.Kind.AT_MAXIMUM, at, NegativeVariants.number(type, greatest));
                }
            }
            if ("string".equals(type) && value.isTextual()) {
                if (prop.minLength() != null) {
                    emit(Mutation.Kind.AT_MIN_LENGTH, at, JSON.textNode(resized(value.asText(), prop.minLength())));
                }
                if (prop.maxLength() != null) {
                    emit(Mutation.Kind.AT_MAX_LENGTH, at, JSON.textNode(resized(value.asText(), prop.maxLength())));
                }
            }
            if (value instanceof ArrayNode array && !array.isEmpty()) {
                if (prop.minItems() != null) {
                    emit(Mutation.Kind.AT_MIN_ITEMS, at, NegativeVariants.resized(array, prop.minItems()));
                }
                if (prop.maxItems() != null) {
                    emit(Mutation.Kind.AT_MAX_ITEMS, at, NegativeVariants.resized(array, prop.maxItems()));
                }
            }
        }
    }

    /**
     * The valid string cut or padded to exactly {@code length} characters (padding repeats its last character, so
     * that a character-class pattern still matches), counted in code points as JSON Schema counts them.
     */
    static String resized(String valid, int length) {
        int[] points = valid.codePoints().toArray();
        int pad = points.length == 0 ? 'x' : points[points.length - 1];
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(i < points.length ? points[i] : pad);
        }
        return out.toString();
    }
}
