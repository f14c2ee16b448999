package dev.modelapi.mock.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappingCollection;
import dev.modelapi.mock.Mode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The mappings generated from the spec's examples at build time and shipped in the jar under
 * {@value #ROOT}: read once per JVM from the classpath.
 */
public final class RecordedMappings {

    /** Classpath folder of the shipped mappings. */
    public static final String ROOT = "modelapi/mappings/";
    /** The file listing them, relative to {@link #ROOT}. */
    public static final String INDEX = "index.json";

    private static volatile RecordedMappings loaded;

    private final Map<String, String> files;
    private final Map<String, TreeSet<String>> preferencesByOperation = new TreeMap<>();

    private RecordedMappings(Map<String, String> files) {
        this.files = files;
        for (StubMapping stub : parseAll()) {
            metadata(stub).ifPresent(meta -> {
                if (!"default".equals(meta.get("kind"))) {
                    preferencesByOperation
                            .computeIfAbsent(meta.get("api") + " " + meta.get("operation"), k -> new TreeSet<>())
                            .add(meta.get("prefer"));
                }
            });
        }
    }

    public static RecordedMappings load() {
        RecordedMappings m = loaded;
        if (m == null) {
            synchronized (RecordedMappings.class) {
                m = loaded;
                if (m == null) {
                    m = new RecordedMappings(readFiles());
                    loaded = m;
                }
            }
        }
        return m;
    }

    /**
     * Fresh stub objects for a mode: the Prefer stubs always, the default answers in recorded mode only.
     * (Fresh because WireMock keeps state in the stubs it holds.)
     */
    public List<StubMapping> stubsFor(Mode mode) {
        List<StubMapping> out = new ArrayList<>();
        for (StubMapping stub : parseAll()) {
            boolean isDefault = metadata(stub).map(m -> "default".equals(m.get("kind"))).orElse(false);
            if (mode == Mode.RECORDED || !isDefault) {
                out.add(stub);
            }
        }
        return out;
    }

    /** The {@code example=…}/{@code code=…} preferences an operation has stubs for, sorted. */
    public List<String> preferencesOf(ApiKind api, String operation) {
        TreeSet<String> set = preferencesByOperation.get(api.wireName() + " " + operation);
        return set == null ? List.of() : List.copyOf(set);
    }

    /** The shipped files: name (relative to {@link #ROOT}) → JSON text. */
    public Map<String, String> files() {
        return Collections.unmodifiableMap(files);
    }

    private List<StubMapping> parseAll() {
        List<StubMapping> out = new ArrayList<>();
        for (String text : files.values()) {
            out.addAll(Json.read(text, StubMappingCollection.class).getMappingOrMappings());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static java.util.Optional<Map<String, String>> metadata(StubMapping stub) {
        if (stub.getMetadata() == null || !(stub.getMetadata().get(StubParameters.KEY) instanceof Map<?, ?> m)) {
            return java.util.Optional.empty();
        }
        Map<String, String> out = new TreeMap<>();
        ((Map<String, Object>) m).forEach((k, v) -> out.put(k, Objects.toString(v)));
        return java.util.Optional.of(out);
    }

    private static Map<String, String> readFiles() {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, String> out = new TreeMap<>();
        JsonNode index;
        try {
            index = mapper.readTree(read(ROOT + INDEX));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode file : index.path("files")) {
            out.put(file.asText(), read(ROOT + file.asText()));
        }
        return out;
    }

    private static String read(String resource) {
        ClassLoader loader = RecordedMappings.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource
                        + " (generated at build time by MappingsGenerator)");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
