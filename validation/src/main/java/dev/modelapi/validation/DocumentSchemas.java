package dev.modelapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON values against the schemas of one OpenAPI 3.0 document, with networknt json-schema-validator's OpenAPI 3.0
 * dialect ({@code nullable}, {@code discriminator}, draft-4 bounds) plus the OpenAPI formats it lacks
 * ({@link OpenApiFormats}). Used for answers and single values (error variants, progress frames), where every
 * exchange of the suite and of the validating proxy is judged: it does the work of swagger-request-validator's
 * engine in about a sixth of the time (BENCHMARKS.md). Requests stay with swagger-request-validator, which the
 * mock validates them with, so that the suite's generated requests are judged exactly as the mock judges them.
 *
 * <p>Discriminated unions are judged by {@code oneOf} (exactly one member matches); that is as strict as "the
 * member the discriminator names must match" because every member pins the discriminator property to its own
 * values, a rule of the shipped specs that {@code DiscriminatedUnionsTest} checks (the library alone reports a
 * value whose tag names one member and whose shape matches another only when the tag is not pinned).
 *
 * <p>Each schema is compiled once, on first use, and is then safe to use from any thread.
 */
public final class DocumentSchemas {

    /** One thing wrong with a value. */
    public record Problem(String pointer, String keyword, String message) {

        /** {@code message [at /pointer]}, the form every report of this kit uses. */
        public String line() {
            return pointer.isEmpty() ? message : message + " [at " + pointer + "]";
        }
    }

    private final String iri;
    private final SchemaRegistry registry;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private DocumentSchemas(String iri, SchemaRegistry registry) {
        this.iri = iri;
        this.registry = registry;
    }

    /**
     * The schemas of a document.
     *
     * @param fileName the document's file name ({@code decthings-model-api.yaml}: its extension says YAML or JSON)
     * @param text     the document itself
     */
    public static DocumentSchemas of(String fileName, String text) {
        String iri = "https://modelapi.dev/spec/" + fileName;
        Dialect openApi30 = Dialect.builder(Dialects.getOpenApi30()).formats(OpenApiFormats.all()).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(openApi30, b -> b
                .schemas(Map.of(iri, text))
                .schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .pathType(PathType.JSON_POINTER)
                        // draft 4 asserts formats; said here so that a change of the library's default shows
                        .formatAssertionsEnabled(true)
                        .build()));
        return new DocumentSchemas(iri, registry);
    }

    /**
     * What is wrong with {@code value} by the schema at {@code pointer}, a JSON Pointer into the document
     * ({@code /components/schemas/Model}); empty when it validates.
     */
    public List<Problem> problems(String pointer, JsonNode value) {
        List<Problem> out = new ArrayList<>();
        for (Error e : schema(pointer).validate(value)) {
            out.add(new Problem(e.getInstanceLocation().toString(), e.getKeyword(), e.getMessage()));
        }
        return out;
    }

    /** The schema at {@code pointer}, compiled on first use. */
    private Schema schema(String pointer) {
        return compiled.computeIfAbsent(pointer, p -> {
            Schema s = registry.getSchema(SchemaLocation.of(iri + "#" + p));
            s.initializeValidators();
            return s;
        });
    }
}
