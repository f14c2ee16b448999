package dev.modelapi.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;

/** One spec document as a tree, with local {@code $ref}s resolved on demand. */
final class SpecTree {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final String name;
    final String text;
    final JsonNode root;

    SpecTree(String name, String text) {
        this.name = name;
        this.text = text;
        try {
            JsonNode parsed = YAML.readTree(text);
            this.root = parsed == null ? MissingNode.getInstance() : parsed;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse " + name + ": " + e.getMessage(), e);
        }
    }

    /** The node itself, or what its local {@code $ref} points at; an external ref stays as it is. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 32 && current != null && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return current;
            }
            current = root.at(ref.substring(1));
        }
        return current == null ? MissingNode.getInstance() : current;
    }

    /** The last segment of a {@code $ref} ({@code #/components/schemas/Model} → {@code Model}), else {@code null}. */
    static String refName(JsonNode node) {
        if (node == null || !node.has("$ref")) {
            return null;
        }
        String ref = node.get("$ref").asText();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
