package dev.modelapi.conformance.data;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a value sits in a request document: its JSON Pointer (to edit a copy) and its readable path (to name the
 * field, dotted with array indices: {@code filter.tags[0].tag}).
 */
record Location(JsonPointer pointer, String field) {

    static final Location ROOT = new Location(JsonPointer.empty(), "");

    Location property(String name) {
        return new Location(pointer.appendProperty(name), field.isEmpty() ? name : field + "." + name);
    }

    Location item(int index) {
        return new Location(pointer.appendIndex(index), field + "[" + index + "]");
    }

    /** A copy of {@code root} with the value here replaced (removed when null; added when absent). */
    JsonNode replacedIn(JsonNode root, JsonNode value) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy.at(pointer.head());
        if (parent instanceof ArrayNode array) {
            int index = pointer.last().getMatchingIndex();
            if (value == null) {
                array.remove(index);
            } else {
                array.set(index, value);
            }
        } else if (value == null) {
            ((ObjectNode) parent).remove(pointer.last().getMatchingProperty());
        } else {
            // Jackson keeps the position of a replaced property
            ((ObjectNode) parent).set(pointer.last().getMatchingProperty(), value);
        }
        return copy;
    }
}
