package dev.modelapi.decthings.client.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed {@code x-decthings-blobs} path: dot-separated property names, where {@code name[]} steps into every
 * element of the array {@code name}. The last segment names the field the layout works on, so it takes no
 * {@code []}.
 */
final class BlobPath {

    private record Segment(String name, int arrayDepth) {
    }

    /** An object that holds (or would hold) the field, with a readable location for error messages. */
    record Parent(ObjectNode node, String where) {
    }

    private final String text;
    private final List<Segment> steps;
    private final String field;

    private BlobPath(String text, List<Segment> steps, String field) {
        this.text = text;
        this.steps = steps;
        this.field = field;
    }

    static BlobPath parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("Blob path is empty");
        }
        String[] parts = text.split("\\.", -1);
        List<Segment> segments = new ArrayList<>(parts.length);
        for (String part : parts) {
            int depth = 0;
            String name = part;
            while (name.endsWith("[]")) {
                name = name.substring(0, name.length() - 2);
                depth++;
            }
            if (name.isEmpty() || name.contains("[") || name.contains("]")) {
                throw new IllegalArgumentException("Blob path \"" + text + "\": invalid segment \"" + part
                        + "\" (expected a property name, optionally followed by [])");
            }
            segments.add(new Segment(name, depth));
        }
        Segment last = segments.remove(segments.size() - 1);
        if (last.arrayDepth > 0) {
            throw new IllegalArgumentException("Blob path \"" + text
                    + "\" must end in a property name, not in []: the layout describes that property");
        }
        return new BlobPath(text, List.copyOf(segments), last.name);
    }

    /** The name of the field at the end of the path. */
    String field() {
        return field;
    }

    /**
     * The objects that may hold {@link #field()}, in document order. Missing properties, nulls and values of the
     * wrong kind end a branch: an absent path means "no blob", not an error.
     */
    List<Parent> parents(ObjectNode root) {
        List<Parent> current = List.of(new Parent(root, ""));
        for (Segment step : steps) {
            List<Parent> next = new ArrayList<>();
            for (Parent parent : current) {
                JsonNode child = parent.node.get(step.name);
                String where = parent.where.isEmpty() ? step.name : parent.where + "." + step.name;
                collect(child, where, step.arrayDepth, next);
            }
            current = next;
        }
        return current;
    }

    private static void collect(JsonNode node, String where, int arrayDepth, List<Parent> out) {
        if (node == null) {
            return;
        }
        if (arrayDepth == 0) {
            if (node.isObject()) {
                out.add(new Parent((ObjectNode) node, where));
            }
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), where + "[" + i + "]", arrayDepth - 1, out);
            }
        }
    }

    static String join(String where, String field) {
        return where.isEmpty() ? field : where + "." + field;
    }

    @Override
    public String toString() {
        return text;
    }
}
