package dev.modelapi.spec;

import io.swagger.v3.oas.models.media.Schema;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Resolves the paths of {@code x-decthings-blobs} against the schemas, through oneOf members and arrays. */
final class BlobPaths {
    private BlobPaths() {
    }

    static List<Schema<?>> resolve(SpecModel model, Schema<?> root, String path) {
        List<Schema<?>> current = List.of(root);
        for (String segment : path.split("\\.")) {
            boolean each = segment.endsWith("[]");
            String name = each ? segment.substring(0, segment.length() - 2) : segment;
            List<Schema<?>> next = new ArrayList<>();
            for (Schema<?> s : current) {
                for (Schema<?> variant : variants(model, s)) {
                    if (variant.getProperties() != null && variant.getProperties().containsKey(name)) {
                        Schema<?> child = model.resolve(variant.getProperties().get(name));
                        if (each) {
                            assertThat(child.getType()).as(segment + " in " + path + " is an array").isEqualTo("array");
                            child = model.resolve(child.getItems());
                        }
                        next.add(child);
                    }
                }
            }
            current = next;
        }
        return current;
    }

    private static List<Schema<?>> variants(SpecModel model, Schema<?> schema) {
        Schema<?> s = model.resolve(schema);
        if (s.getOneOf() == null) {
            return List.of(s);
        }
        List<Schema<?>> out = new ArrayList<>();
        s.getOneOf().forEach(m -> out.addAll(variants(model, m)));
        return out;
    }

    static void assertLayoutFits(SpecModel model, String path, String layout, Schema<?> target) {
        switch (layout) {
            case "buffer", "tensor" -> assertThat(target.getFormat()).as(path + " is base64").isEqualTo("byte");
            case "parameterProviders" -> assertItems(target, path, "DecthingsParameterProvider");
            case "parameters" -> assertItems(target, path, "DecthingsParameter");
            case "keyedBuffers" -> assertItems(target, path, "StateKeyData");
            default -> throw new AssertionError("unknown layout " + layout);
        }
    }

    private static void assertItems(Schema<?> target, String path, String component) {
        assertThat(target.getType()).as(path + " is an array").isEqualTo("array");
        assertThat(target.getItems().get$ref()).as(path + " items").endsWith("/" + component);
    }
}
