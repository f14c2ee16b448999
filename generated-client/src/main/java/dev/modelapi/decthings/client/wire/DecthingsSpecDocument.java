package dev.modelapi.decthings.client.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;

/**
 * The Decthings OpenAPI document that {@code modelapi-spec} ships on the classpath, parsed once as a tree. The SDK
 * reads its {@code x-} extensions at run time (blobs, idempotency), so that it follows the contract it ships with
 * instead of a copy of it.
 */
public final class DecthingsSpecDocument {

    /** Where {@code modelapi-spec} puts the Decthings document on the classpath. */
    public static final String RESOURCE = "openapi/decthings-model-api.yaml";

    private static volatile JsonNode tree;

    private DecthingsSpecDocument() {
    }

    /**
     * The parsed document (cached; treat it as read-only).
     *
     * @throws IllegalStateException if the resource is missing or unreadable
     */
    public static JsonNode tree() {
        JsonNode t = tree;
        if (t == null) {
            synchronized (DecthingsSpecDocument.class) {
                t = tree;
                if (t == null) {
                    t = read(RESOURCE);
                    tree = t;
                }
            }
        }
        return t;
    }

    /** Parses the document at a classpath resource (not cached). */
    static JsonNode read(String resource) {
        ClassLoader loader = DecthingsSpecDocument.class.getClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
        if (in == null && Thread.currentThread().getContextClassLoader() != null) {
            in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        }
        if (in == null) {
            throw new IllegalStateException("Classpath resource " + resource
                    + " not found; is modelapi-spec on the classpath?");
        }
        try (InputStream stream = in) {
            return new ObjectMapper(new YAMLFactory()).readTree(stream);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read classpath resource " + resource, e);
        }
    }
}
