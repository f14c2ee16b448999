package dev.modelapi.mock.decthings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.modelapi.spec.ModelApiSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the spec says about each Decthings method that the transport layer needs: does it allow anonymous calls.
 * Read from the document's plain YAML tree: the full OpenAPI model (swagger-parser, about a second cold) is only
 * needed by the request validator, and building it here would hold up the start of every mock (BENCHMARKS.md).
 */
public final class DecthingsOperations {

    private static volatile DecthingsOperations shared;

    private final Map<String, Boolean> anonymousAllowed = new TreeMap<>();

    private DecthingsOperations(JsonNode api) {
        JsonNode global = api.path("security");
        api.path("paths").fields().forEachRemaining(path -> {
            JsonNode post = path.getValue().get("post");
            if (post != null && path.getKey().startsWith("/Model/")) {
                JsonNode security = post.has("security") ? post.get("security") : global;
                anonymousAllowed.put(path.getKey().substring("/Model/".length()), allowsAnonymous(security));
            }
        });
    }

    /** No requirement at all, or an empty one among the alternatives ({@code - {}}), lets a caller in without. */
    private static boolean allowsAnonymous(JsonNode security) {
        if (!security.isArray() || security.isEmpty()) {
            return true;
        }
        for (JsonNode requirement : security) {
            if (requirement.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Read from the shipped Decthings document once per JVM. */
    public static DecthingsOperations fromSpec() {
        DecthingsOperations ops = shared;
        if (ops == null) {
            synchronized (DecthingsOperations.class) {
                ops = shared;
                if (ops == null) {
                    try {
                        ops = new DecthingsOperations(
                                new ObjectMapper(new YAMLFactory()).readTree(ModelApiSpec.DECTHINGS.text()));
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot read " + ModelApiSpec.DECTHINGS.resource(), e);
                    }
                    shared = ops;
                }
            }
        }
        return ops;
    }

    public Set<String> methods() {
        return Collections.unmodifiableSet(anonymousAllowed.keySet());
    }

    public boolean exists(String method) {
        return anonymousAllowed.containsKey(method);
    }

    public boolean allowsAnonymous(String method) {
        return anonymousAllowed.getOrDefault(method, false);
    }
}
