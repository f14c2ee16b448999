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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

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

    /** {@link #stubsFor} after the set parsed ahead was taken (or ahead-parsing came too late). */
    private static final CompletableFuture<List<StubMapping>> TAKEN = CompletableFuture.completedFuture(List.of());

    private final Map<String, String> files;
    /** The stubs {@link #parseAhead} parsed for the first {@link #stubsFor} call, or null / {@link #TAKEN}. */
    private final AtomicReference<CompletableFuture<List<StubMapping>>> ahead = new AtomicReference<>();
    /** Written by the generator into the index: parsing all ~800 stubs at start to list them cost 0.3 s. */
    private final Map<String, List<String>> preferencesByOperation;

    private RecordedMappings(Map<String, String> files, Map<String, List<String>> preferencesByOperation) {
        this.files = files;
        this.preferencesByOperation = preferencesByOperation;
    }

    /** The index key of an operation's preferences. */
    public static String preferenceKey(ApiKind api, String operation) {
        return api.wireName() + " " + operation;
    }

    public static RecordedMappings load() {
        RecordedMappings m = loaded;
        if (m == null) {
            synchronized (RecordedMappings.class) {
                m = loaded;
                if (m == null) {
                    m = read();
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
        CompletableFuture<List<StubMapping>> parsedAhead = ahead.getAndSet(TAKEN);
        List<StubMapping> all = parsedAhead == null || parsedAhead == TAKEN ? parseAll() : join(parsedAhead);
        List<StubMapping> out = new ArrayList<>();
        for (StubMapping stub : all) {
            boolean isDefault = metadata(stub).map(m -> "default".equals(m.get("kind"))).orElse(false);
            if (mode == Mode.RECORDED || !isDefault) {
                out.add(stub);
            }
        }
        return out;
    }

    /**
     * Parses the stubs for the first {@link #stubsFor} call now, on the calling thread: the start's warm-up thread
     * does it while the main thread builds the rest (parsing ~800 stubs with a cold JSON mapper is 0.3 s of the
     * cold start). Does nothing if that call came first.
     */
    public void parseAhead() {
        CompletableFuture<List<StubMapping>> mine = new CompletableFuture<>();
        if (ahead.compareAndSet(null, mine)) {
            try {
                mine.complete(parseAll());
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
            }
        }
    }

    private static List<StubMapping> join(CompletableFuture<List<StubMapping>> parsed) {
        try {
            return parsed.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The {@code example=…}/{@code code=…} preferences an operation has stubs for, sorted. */
    public List<String> preferencesOf(ApiKind api, String operation) {
        return preferencesByOperation.getOrDefault(preferenceKey(api, operation), List.of());
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

    /** A new instance over the shipped files ({@link #load} keeps one per JVM). */
    static RecordedMappings read() {
        JsonNode index;
        try {
            index = new ObjectMapper().readTree(read(ROOT + INDEX));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> files = new TreeMap<>();
        for (JsonNode file : index.path("files")) {
            files.put(file.asText(), read(ROOT + file.asText()));
        }
        Map<String, List<String>> preferences = new TreeMap<>();
        index.path("preferences").properties().forEach(e -> {
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.asText()));
            preferences.put(e.getKey(), List.copyOf(values));
        });
        return new RecordedMappings(files, preferences);
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
