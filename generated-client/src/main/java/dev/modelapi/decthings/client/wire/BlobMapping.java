package dev.modelapi.decthings.client.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code x-decthings-blobs} extensions of the Decthings OpenAPI document, per method.
 *
 * <p>Read at run time from the spec itself (shipped on the classpath by {@code modelapi-spec}) so that the binary
 * transport and the mock server follow the contract without restating it. Only the extension is read, with plain
 * Jackson: the rest of the document does not matter here.
 */
public final class BlobMapping {

    /** Where {@code modelapi-spec} puts the Decthings document on the classpath. */
    public static final String RESOURCE = DecthingsSpecDocument.RESOURCE;

    /** The operation extension that holds the mapping. */
    public static final String EXTENSION = "x-decthings-blobs";

    private static final String PATH_PREFIX = "/Model/";
    private static final Set<String> ENTRY_FIELDS = Set.of("path", "layout", "keyNamesField");

    private static volatile BlobMapping loaded;

    private final Map<String, OperationBlobs> operations;

    private BlobMapping(Map<String, OperationBlobs> operations) {
        this.operations = Collections.unmodifiableMap(operations);
    }

    /**
     * The mapping of the document at {@link #RESOURCE}, read on first use and cached.
     *
     * @throws IllegalStateException if the resource is missing or unreadable
     * @throws IllegalArgumentException if an extension is malformed
     */
    public static BlobMapping load() {
        BlobMapping mapping = loaded;
        if (mapping == null) {
            synchronized (BlobMapping.class) {
                mapping = loaded;
                if (mapping == null) {
                    mapping = fromOpenApi(DecthingsSpecDocument.tree());
                    loaded = mapping;
                }
            }
        }
        return mapping;
    }

    /** Parses the document at a classpath resource (not cached). */
    public static BlobMapping fromClasspath(String resource) {
        return fromOpenApi(DecthingsSpecDocument.read(resource));
    }

    /** Parses an OpenAPI document in YAML (or JSON, which is YAML too). */
    public static BlobMapping fromYaml(InputStream yaml) throws IOException {
        return fromOpenApi(new ObjectMapper(new YAMLFactory()).readTree(yaml));
    }

    /** Parses an OpenAPI document given as YAML or JSON text. */
    public static BlobMapping fromYaml(String yaml) {
        try {
            return fromOpenApi(new ObjectMapper(new YAMLFactory()).readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads {@code paths./Model/{method}.post.x-decthings-blobs} of every operation of an already parsed document.
     * Operations without the extension are left out.
     *
     * @throws IllegalArgumentException if an extension is malformed (unknown layout or property, bad path,
     *     missing {@code request}/{@code response} list)
     */
    public static BlobMapping fromOpenApi(JsonNode openApi) {
        Map<String, OperationBlobs> operations = new LinkedHashMap<>();
        JsonNode paths = openApi.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith(PATH_PREFIX)) {
                continue;
            }
            JsonNode extension = path.getValue().path("post").get(EXTENSION);
            if (extension == null) {
                continue;
            }
            String method = path.getKey().substring(PATH_PREFIX.length());
            String where = path.getKey() + " " + EXTENSION;
            if (!extension.isObject()) {
                throw new IllegalArgumentException(where + ": expected an object with request and response");
            }
            operations.put(method, new OperationBlobs(method,
                    sources(extension.get("request"), where + ".request"),
                    sources(extension.get("response"), where + ".response")));
        }
        return new BlobMapping(operations);
    }

    private static List<BlobSource> sources(JsonNode list, String where) {
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(where + ": expected a list (write [] when there are no blobs)");
        }
        List<BlobSource> sources = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String at = where + "[" + i + "]";
            if (!entry.isObject()) {
                throw new IllegalArgumentException(at + ": expected an object with path and layout");
            }
            for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!ENTRY_FIELDS.contains(name)) {
                    throw new IllegalArgumentException(at + ": unknown property \"" + name + "\"");
                }
            }
            try {
                BlobLayout layout = BlobLayout.fromWireName(text(entry, "layout", at));
                JsonNode keyNames = entry.get("keyNamesField");
                sources.add(new BlobSource(text(entry, "path", at), layout,
                        keyNames == null ? null : text(entry, "keyNamesField", at)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
            }
        }
        return sources;
    }

    private static String text(JsonNode entry, String field, String where) {
        JsonNode value = entry.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a string");
        }
        return value.asText();
    }

    /**
     * The mapping of {@code method} (e.g. {@code "evaluate"}).
     *
     * @throws IllegalArgumentException if the document has no such operation with the extension
     */
    public OperationBlobs forMethod(String method) {
        OperationBlobs operation = operations.get(method);
        if (operation == null) {
            throw new IllegalArgumentException("No operation " + PATH_PREFIX + method + " with " + EXTENSION
                    + " in the Decthings OpenAPI document (known: " + operations.keySet() + ")");
        }
        return operation;
    }

    public Optional<OperationBlobs> find(String method) {
        return Optional.ofNullable(operations.get(method));
    }

    /** The methods that have a mapping, in document order. */
    public Set<String> methods() {
        return operations.keySet();
    }
}
