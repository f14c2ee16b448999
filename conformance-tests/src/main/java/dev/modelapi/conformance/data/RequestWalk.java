package dev.modelapi.conformance.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.spec.SpecCatalog;
import io.swagger.v3.oas.models.media.Schema;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Walks a valid request document alongside its schema, depth first and in document order: every object, every
 * declared property it holds, every value; into arrays through their first item (the items share one schema) and
 * into the variant of a union that the value's discriminator selects. What the variant generators share.
 */
final class RequestWalk {

    /** What a walk reports. */
    interface Visitor {
        /** An object at {@code at}, as declared ({@code declared}: before variant selection) and as seen. */
        default void object(ObjectNode object, Location at, SchemaView declared, SchemaView seen) {
        }

        /** A declared property that the object holds. */
        default void property(Location at, boolean required) {
        }

        /** A value (a property or an array item) and its effective schema. */
        void value(JsonNode value, Location at, SchemaView view);
    }

    private static final int MAX_DEPTH = 4;

    private final SpecCatalog catalog;
    private final Visitor visitor;

    private RequestWalk(SpecCatalog catalog, Visitor visitor) {
        this.catalog = catalog;
        this.visitor = visitor;
    }

    /** Walks {@code document} (a request body) against {@code schema}. */
    static void walk(SpecCatalog catalog, Schema<?> schema, JsonNode document, Visitor visitor) {
        new RequestWalk(catalog, visitor).object(document, Location.ROOT, schema, 0);
    }

    /**
     * The variants a mutating visitor derives from {@code document}: {@code visitor} gets the document and where to
     * put each variant.
     */
    static List<Mutation> mutations(SpecCatalog catalog, Schema<?> schema, JsonNode document,
                                    BiFunction<JsonNode, Consumer<Mutation>, Visitor> visitor) {
        List<Mutation> out = new ArrayList<>();
        walk(catalog, schema, document, visitor.apply(document, out::add));
        return out;
    }

    private void object(JsonNode node, Location at, Schema<?> schema, int depth) {
        if (depth > MAX_DEPTH || !(node instanceof ObjectNode object)) {
            return;
        }
        SchemaView view = SchemaView.of(catalog, schema, node);
        visitor.object(object, at, SchemaView.of(catalog, schema, null), view);
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            Schema<?> propSchema = view.properties().get(name);
            if (propSchema == null) {
                continue;
            }
            Location field = at.property(name);
            visitor.property(field, view.required().contains(name));
            value(object.get(name), field, propSchema, depth);
        }
    }

    private void value(JsonNode value, Location at, Schema<?> schema, int depth) {
        SchemaView view = SchemaView.of(catalog, schema, value);
        visitor.value(value, at, view);
        if (value instanceof ArrayNode array) {
            Schema<?> items = view.schema().getItems();
            if (items != null && !array.isEmpty()) {
                value(array.get(0), at.item(0), items, depth + 1);
            }
        } else if (value.isObject()) {
            object(value, at, schema, depth + 1);
        }
    }
}
