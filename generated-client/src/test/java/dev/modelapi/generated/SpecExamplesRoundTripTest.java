package dev.modelapi.generated;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.modelapi.spec.ModelApiSpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.lang.reflect.Method;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every named example of every operation of both specs (request bodies and JSON responses) deserializes into the
 * generated SDK model and into the generated server-stub model, and serializes back to the same JSON. The only
 * differences tolerated: a property the example leaves out may come back with the default the spec declares for it
 * (the generated models initialize defaults), an explicit {@code null} may come back absent, numbers compare by
 * value and date-times by instant. For Decthings error
 * examples the {@code error} must also be the class its {@code code} maps to.
 */
class SpecExamplesRoundTripTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper STUB_MAPPER = new ObjectMapper().findAndRegisterModules()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @TestFactory
    List<DynamicTest> decthingsExamples() throws Exception {
        return examples(ModelApiSpec.DECTHINGS, "dev.modelapi.decthings",
                dev.modelapi.decthings.client.invoker.ApiClient.createDefaultObjectMapper());
    }

    @TestFactory
    List<DynamicTest> piecesExamples() throws Exception {
        return examples(ModelApiSpec.PIECES, "dev.modelapi.pieces",
                dev.modelapi.pieces.client.invoker.ApiClient.createDefaultObjectMapper());
    }

    private static List<DynamicTest> examples(ModelApiSpec spec, String basePackage, ObjectMapper sdkMapper)
            throws Exception {
        JsonNode doc = YAML.readTree(spec.text());
        Map<String, List<JsonNode>> defaults = declaredDefaults(doc);
        List<DynamicTest> tests = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode request = op.getValue().path("requestBody").path("content").path("application/json");
                addExamples(tests, doc, where + " request", request, basePackage, sdkMapper, defaults);
                for (Iterator<Map.Entry<String, JsonNode>> responses = op.getValue().path("responses").fields();
                        responses.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    JsonNode content = resolve(doc, response.getValue()).path("content").path("application/json");
                    addExamples(tests, doc, where + " " + response.getKey(), content, basePackage, sdkMapper, defaults);
                }
            }
        }
        assertThat(tests).as("examples found in " + spec.resource()).isNotEmpty();
        return tests;
    }

    private static void addExamples(List<DynamicTest> tests, JsonNode doc, String where, JsonNode content,
            String basePackage, ObjectMapper sdkMapper, Map<String, List<JsonNode>> defaults) {
        String ref = content.path("schema").path("$ref").asText(null);
        if (ref == null || content.isMissingNode()) {
            return;
        }
        String schema = ref.substring(ref.lastIndexOf('/') + 1);
        for (Iterator<Map.Entry<String, JsonNode>> it = content.path("examples").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> example = it.next();
            JsonNode value = resolve(doc, example.getValue()).get("value");
            String name = where + " example '" + example.getKey() + "' as " + schema;
            tests.add(DynamicTest.dynamicTest(name + " (SDK)", () -> {
                Class<?> type = Class.forName(basePackage + ".client.model." + schema);
                Object parsed = sdkMapper.treeToValue(value, type);
                assertSameJson(value, sdkMapper.readTree(sdkMapper.writeValueAsBytes(parsed)), defaults, "$");
                checkErrorVariant(value, parsed);
            }));
            tests.add(DynamicTest.dynamicTest(name + " (server stub)", () -> {
                Class<?> type = Class.forName(basePackage + ".server.model." + schema);
                Object parsed = STUB_MAPPER.treeToValue(value, type);
                assertSameJson(value, STUB_MAPPER.readTree(STUB_MAPPER.writeValueAsBytes(parsed)), defaults, "$");
                checkErrorVariant(value, parsed);
            }));
        }
    }

    /** {@code {"error": {"code": c}}} must be read as the class that the union's mapping gives for {@code c}. */
    private static void checkErrorVariant(JsonNode example, Object parsed) throws Exception {
        JsonNode code = example.path("error").path("code");
        if (!code.isTextual()) {
            return;
        }
        Method getError = parsed.getClass().getMethod("getError");
        Object error = getError.invoke(parsed);
        Class<?> union = getError.getReturnType();
        for (JsonSubTypes.Type t : union.getAnnotation(JsonSubTypes.class).value()) {
            if (t.name().equals(code.asText())) {
                assertThat(error).isExactlyInstanceOf(t.value());
                return;
            }
        }
        fail("error code " + code + " is not in the mapping of " + union.getName());
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        String pointer = ref.asText();
        if (!pointer.startsWith("#/")) {
            throw new IllegalStateException("external $ref: " + pointer);
        }
        return resolve(doc, doc.at(pointer.substring(1)));
    }

    /** Property name → the defaults declared for a property of that name anywhere in the document. */
    private static Map<String, List<JsonNode>> declaredDefaults(JsonNode doc) {
        Map<String, List<JsonNode>> out = new java.util.HashMap<>();
        collectDefaults(doc, out);
        return out;
    }

    private static void collectDefaults(JsonNode node, Map<String, List<JsonNode>> out) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                properties.fields().forEachRemaining(p -> {
                    if (p.getValue().has("default")) {
                        out.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(p.getValue().get("default"));
                    }
                });
            }
            node.elements().forEachRemaining(child -> collectDefaults(child, out));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectDefaults(child, out));
        }
    }

    private static void assertSameJson(JsonNode expected, JsonNode actual, Map<String, List<JsonNode>> defaults,
            String at) {
        if (expected.isObject() && actual.isObject()) {
            expected.fields().forEachRemaining(e -> {
                JsonNode a = actual.get(e.getKey());
                if (a == null && e.getValue().isNull()) {
                    return; // an explicit null of a nullable property is written as absent (openApiNullable=false)
                }
                if (a == null) {
                    fail(at + "." + e.getKey() + " was dropped; written: " + actual);
                }
                assertSameJson(e.getValue(), a, defaults, at + "." + e.getKey());
            });
            actual.fields().forEachRemaining(e -> {
                if (!expected.has(e.getKey())) {
                    boolean isDefault = defaults.getOrDefault(e.getKey(), List.of()).stream()
                            .anyMatch(d -> sameScalar(d, e.getValue()));
                    assertThat(isDefault).as(at + "." + e.getKey() + " = " + e.getValue()
                            + " was added and is not the declared default").isTrue();
                }
            });
        } else if (expected.isArray() && actual.isArray()) {
            assertThat(actual.size()).as(at + " length").isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertSameJson(expected.get(i), actual.get(i), defaults, at + "[" + i + "]");
            }
        } else {
            assertThat(sameScalar(expected, actual)).as(at + ": expected " + expected + " but was " + actual).isTrue();
        }
    }

    private static boolean sameScalar(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isTextual() && b.isTextual() && !a.asText().equals(b.asText())) {
            try {
                return OffsetDateTime.parse(a.asText()).isEqual(OffsetDateTime.parse(b.asText()));
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return a.equals(b);
    }
}
