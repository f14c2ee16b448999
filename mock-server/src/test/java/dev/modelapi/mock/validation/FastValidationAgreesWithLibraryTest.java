package dev.modelapi.mock.validation;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.modelapi.spec.ModelApiSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SpecValidator} takes shortcuts (references kept, one validator per path, discriminated unions validated
 * through the named member, remembered pattern matches). It must accept and reject exactly what
 * swagger-request-validator as shipped does (whole spec, references inlined, plain {@code oneOf}): checked on every
 * request and response example of both specs, and on variants of them - a field removed, a field added, a value
 * replaced (requests), a discriminator switched to another member's value. The examples are judged again after
 * all variants, so that state a verdict leaves behind shows (the library's discriminator keyword leaves a cyclic
 * schema node, which broke a later validation before {@code dev.modelapi.validation.DiscriminatorKeyword}).
 */
class FastValidationAgreesWithLibraryTest {

    @ParameterizedTest
    @EnumSource(ModelApiSpec.class)
    void acceptsAndRejectsWhatTheLibraryDoes(ModelApiSpec spec) {
        SpecValidator fast = SpecValidator.of(spec);
        OpenApiInteractionValidator library = OpenApiInteractionValidator
                .createForInlineApiSpecification(spec.text())
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        Map<String, Set<String>> discriminatorValues = discriminatorValues(spec);
        List<String> disagreements = new ArrayList<>();
        int accepted = 0;
        int rejected = 0;
        List<SpecExampleBodies.Body> examples = SpecExampleBodies.of(spec);
        for (int round = 0; round < 2; round++) {
            for (SpecExampleBodies.Body example : examples) {
                List<JsonNode> bodies = round == 0
                        ? variants(example.value(), discriminatorValues, example.isRequest())
                        : List.of(example.value());
                for (JsonNode body : bodies) {
                    String text = body.toString();
                    boolean libraryAccepts = !hasErrors(example.isRequest()
                            ? library.validateRequest(request(example, text))
                            : library.validateResponse(example.path(), Request.Method.valueOf(example.method()),
                            response(example, text)));
                    boolean fastAccepts = (example.isRequest()
                            ? fast.validateRequest(example.method(), example.path(), "application/json", text,
                            Map.of())
                            : fast.validateResponse(example.method(), example.path(), example.status(),
                            "application/json", text)).isEmpty();
                    if (libraryAccepts != fastAccepts) {
                        disagreements.add(example.method() + " " + example.path() + " "
                                + (example.isRequest() ? "request" : example.status()) + " " + text
                                + " library " + (libraryAccepts ? "accepts" : "rejects"));
                    }
                    if (fastAccepts) {
                        accepted++;
                    } else {
                        rejected++;
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(accepted).as("accepted variants").isGreaterThan(50);
        assertThat(rejected).as("rejected variants").isGreaterThan(50);
    }

    /**
     * A request that is a JSON body and nothing else has only its body validated (InteractionValidators); with a
     * header (which no operation of ours declares, so it changes no verdict) the same request goes through the
     * library's whole request validation. Both must report the same violations, in the same order: the first one
     * is what the mock answers.
     */
    @ParameterizedTest
    @EnumSource(ModelApiSpec.class)
    void theJsonBodyShortcutReportsWhatTheWholeRequestValidationReports(ModelApiSpec spec) {
        SpecValidator validator = SpecValidator.of(spec);
        Map<String, Set<String>> discriminatorValues = discriminatorValues(spec);
        Map<String, List<String>> unrelatedHeader = Map.of("X-Agreement-Test", List.of("1"));
        int shortcuts = 0;
        int withViolations = 0;
        for (SpecExampleBodies.Body example : SpecExampleBodies.of(spec)) {
            if (!example.isRequest() || !validator.validatesOnlyTheJsonBody(example.method(), example.path())) {
                continue;
            }
            shortcuts++;
            List<String> texts = new ArrayList<>();
            variants(example.value(), discriminatorValues, true).forEach(body -> texts.add(body.toString()));
            texts.add("{\"unterminated\": ");
            texts.add("[]");
            for (String text : texts) {
                List<Violation> shortcut = validator.validateRequest(example.method(), example.path(),
                        "application/json", text, Map.of());
                List<Violation> whole = validator.validateRequest(example.method(), example.path(),
                        "application/json", text, unrelatedHeader);
                assertThat(shortcut).as(example.method() + " " + example.path() + " " + text).isEqualTo(whole);
                withViolations += shortcut.isEmpty() ? 0 : 1;
            }
        }
        if (spec == ModelApiSpec.DECTHINGS) {
            assertThat(shortcuts).as("Decthings request examples that take the shortcut").isGreaterThan(30);
        }
        assertThat(withViolations).as("variants with violations")
                .isGreaterThan(spec == ModelApiSpec.DECTHINGS ? 50 : 0);
    }

    private static boolean hasErrors(ValidationReport report) {
        return report.getMessages().stream().anyMatch(m -> m.getLevel() == ValidationReport.Level.ERROR);
    }

    private static Request request(SpecExampleBodies.Body example, String body) {
        return new SimpleRequest.Builder(Request.Method.valueOf(example.method()), example.path())
                .withContentType("application/json").withBody(body).build();
    }

    private static SimpleResponse response(SpecExampleBodies.Body example, String body) {
        return SimpleResponse.Builder.status(example.status()).withContentType("application/json")
                .withBody(body).build();
    }

    /** Property name → every value some discriminator on that property maps. */
    private static Map<String, Set<String>> discriminatorValues(ModelApiSpec spec) {
        Map<String, Set<String>> out = new HashMap<>();
        SpecExampleBodies.document(spec).path("components").path("schemas").forEach(schema -> {
            JsonNode d = schema.path("discriminator");
            if (d.has("propertyName")) {
                Set<String> values = out.computeIfAbsent(d.get("propertyName").asText(),
                        k -> new java.util.TreeSet<>());
                d.path("mapping").fieldNames().forEachRemaining(values::add);
            }
        });
        return out;
    }

    /**
     * The body and its one-change variants. Requests (what the mock validates on every call) get them all;
     * responses only those around their discriminated unions (what the shortcuts change), and three switches of a
     * discriminator value (error unions have dozens of codes), to keep the test short.
     */
    private static List<JsonNode> variants(JsonNode body, Map<String, Set<String>> discriminatorValues,
                                           boolean all) {
        List<JsonNode> out = new ArrayList<>();
        out.add(body);
        List<List<String>> fields = new ArrayList<>();
        fields.add(List.of());
        collectFields(body, new ArrayList<>(), fields);
        for (List<String> field : fields) {
            JsonNode value = at(body, field);
            if (value.isObject() && (all || discriminatorValues.keySet().stream().anyMatch(value::has))) {
                out.add(edited(body, field, object -> object.put("unexpectedField", 1), true));
            }
            if (field.isEmpty()) {
                continue;
            }
            String name = field.get(field.size() - 1);
            Set<String> switches = discriminatorValues.getOrDefault(name, Set.of());
            if (all || !switches.isEmpty()) {
                out.add(edited(body, field, parent -> parent.remove(name), false));
            }
            if (value.isTextual()) {
                if (all) {
                    out.add(edited(body, field, parent -> parent.put(name, "bogus-value"), false));
                }
                switches.stream().filter(other -> !other.equals(value.textValue())).limit(all ? Long.MAX_VALUE : 3)
                        .forEach(other -> out.add(edited(body, field, parent -> parent.set(name, new TextNode(other)),
                                false)));
            } else if (value.isNumber() && all) {
                out.add(edited(body, field, parent -> parent.put(name, "12"), false));
            }
        }
        return out;
    }

    /** Paths (as lists of field names; array elements as their index) of every object field. */
    private static void collectFields(JsonNode node, List<String> at, List<List<String>> out) {
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                List<String> field = new ArrayList<>(at);
                field.add(name);
                out.add(field);
                collectFields(node.get(name), field, out);
            }
        } else if (node.isArray() && node.size() > 0) {
            List<String> first = new ArrayList<>(at);
            first.add("0");
            collectFields(node.get(0), first, out);
        }
    }

    private static JsonNode at(JsonNode node, List<String> path) {
        for (String step : path) {
            node = node.isArray() ? node.get(Integer.parseInt(step)) : node.get(step);
        }
        return node;
    }

    /** A copy of the body with the field's parent object (or, if {@code itself}, the field's object) edited. */
    private static JsonNode edited(JsonNode body, List<String> field, Consumer<ObjectNode> edit, boolean itself) {
        JsonNode copy = body.deepCopy();
        edit.accept((ObjectNode) at(copy, itself ? field : field.subList(0, field.size() - 1)));
        return copy;
    }
}
