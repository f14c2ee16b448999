package dev.modelapi.conformance.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.conformance.spec.SpecCatalog;
import dev.modelapi.conformance.validation.SpecValidator;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.media.Schema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The request data the suite sends is derived from the spec and is valid (positive) or invalid (negative) by it. */
class RequestDataTest {

    static Stream<ApiOperation> bodyOperations() {
        return Stream.of(Api.values()).flatMap(a -> SpecCatalog.of(a).operations().stream())
                .filter(ApiOperation::hasJsonBody);
    }

    @TestFactory
    Stream<DynamicTest> generatedValuesAreValid() {
        return bodyOperations().map(op -> DynamicTest.dynamicTest(op.key(), () -> {
            for (long seed = 0; seed < 5; seed++) {
                JsonNode value = new SchemaInstanceGenerator(op.catalog(), seed).generate(op.jsonRequest().getSchema());
                assertThat(SpecValidator.of(op.api()).requestBodyProblems(op, value))
                        .as("seed %d: %s", seed, value).isEmpty();
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> adaptedExamplesStayValid() {
        RequestAdapter adapter = RequestAdapter.withRandomIds("conformance-test");
        return bodyOperations().map(op -> DynamicTest.dynamicTest(op.key(), () -> {
            op.requestExamples().forEach((name, value) -> {
                JsonNode adapted = adapter.adapt(SpecCatalog.toJson(value), Map.of("modelId", "m-1"), true, true);
                assertThat(SpecValidator.of(op.api()).requestBodyProblems(op, adapted)).as(name).isEmpty();
            });
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyNegativeVariantIsRejectedBySpecAndNamesItsField() {
        return bodyOperations().map(op -> DynamicTest.dynamicTest(op.key(), () -> {
            JsonNode base = SpecCatalog.toJson(op.requestExamples().values().iterator().next());
            List<Mutation> all = new NegativeVariants(op, SpecValidator.of(op.api())).all(base);
            assertThat(all).as("variants of %s", op.key()).isNotEmpty();
            for (Mutation m : all) {
                assertThat(SpecValidator.of(op.api()).requestBodyProblems(op, m.body())).as(m.description()).isNotEmpty();
                assertThat(m.field()).isNotBlank();
            }
            List<Mutation> chosen = new NegativeVariants(op, SpecValidator.of(op.api())).choose(base, 6, 7);
            assertThat(chosen).hasSizeLessThanOrEqualTo(6);
            assertThat(new NegativeVariants(op, SpecValidator.of(op.api())).choose(base, 6, 7))
                    .as("same seed, same choice").isEqualTo(chosen);
        }));
    }

    @org.junit.jupiter.api.Test
    void negativeVariantsCoverEveryKind() {
        ApiOperation getModels = SpecCatalog.of(Api.DECTHINGS).operation("getModels");
        JsonNode base = SpecCatalog.toJson(getModels.requestExamples().get("success"));
        List<Mutation> all = new NegativeVariants(getModels, SpecValidator.of(Api.DECTHINGS)).all(base);
        List<String> described = new ArrayList<>();
        all.forEach(m -> described.add(m.description()));
        assertThat(described).contains("out-of-range value for limit", "wrong type for offset",
                "value outside the enum of sortDirection", "wrong type for filter.tags");
        ApiOperation create = SpecCatalog.of(Api.DECTHINGS).operation("createModel");
        List<Mutation> createVariants = new NegativeVariants(create, SpecValidator.of(Api.DECTHINGS))
                .all(SpecCatalog.toJson(create.requestExamples().get("success")));
        assertThat(createVariants).extracting(Mutation::description)
                .contains("missing required name", "missing required options.language",
                        "value outside the enum of options.language", "value not matching the pattern of options.type");
    }

    @org.junit.jupiter.api.Test
    void negativeVariantsReachIntoArraysAndNestedUnions() {
        ApiOperation evaluate = SpecCatalog.of(Api.DECTHINGS).operation("evaluate");
        JsonNode base = SpecCatalog.toJson(evaluate.requestExamples().values().iterator().next());
        List<Mutation> all = new NegativeVariants(evaluate, SpecValidator.of(Api.DECTHINGS)).all(base);
        assertThat(all).extracting(Mutation::description).contains(
                "more items than the maxItems of params",
                "missing required params[0].name",
                "wrong type for params[0]",
                "discriminator naming no variant: params[0].data.type");
        Mutation tooMany = all.stream().filter(m -> m.kind() == Mutation.Kind.TOO_MANY_ITEMS).findFirst().orElseThrow();
        assertThat(tooMany.body().get("params").size()).isEqualTo(256);
    }

    @TestFactory
    Stream<DynamicTest> everyBoundaryVariantIsAcceptedBySpecAndChangesOneBoundedField() {
        return bodyOperations().map(op -> DynamicTest.dynamicTest(op.key(), () -> {
            JsonNode base = SpecCatalog.toJson(op.requestExamples().values().iterator().next());
            BoundaryVariants boundaries = new BoundaryVariants(op, SpecValidator.of(op.api()));
            for (Mutation m : boundaries.all(base)) {
                assertThat(m.kind().valid()).as(m.description()).isTrue();
                assertThat(SpecValidator.of(op.api()).requestBodyProblems(op, m.body())).as(m.description()).isEmpty();
                assertThat(m.body()).as(m.description()).isNotEqualTo(base);
            }
            assertThat(boundaries.choose(base, 4, 7)).as("same seed, same choice")
                    .isEqualTo(boundaries.choose(base, 4, 7)).hasSizeLessThanOrEqualTo(4);
        }));
    }

    @org.junit.jupiter.api.Test
    void boundaryVariantsSitExactlyOnTheSpecsBounds() {
        ApiOperation getModels = SpecCatalog.of(Api.DECTHINGS).operation("getModels");
        JsonNode base = SpecCatalog.toJson(getModels.requestExamples().get("success"));
        List<Mutation> atBounds = new BoundaryVariants(getModels, SpecValidator.of(Api.DECTHINGS)).all(base);
        assertThat(atBounds).extracting(Mutation::description).contains("the least value allowed for limit");
        assertThat(atBounds.stream().filter(m -> m.field().equals("limit")).findFirst().orElseThrow()
                .body().get("limit").asInt()).isZero();

        ApiOperation evaluate = SpecCatalog.of(Api.DECTHINGS).operation("evaluate");
        JsonNode evaluateBase = SpecCatalog.toJson(evaluate.requestExamples().values().iterator().next());
        Mutation most = new BoundaryVariants(evaluate, SpecValidator.of(Api.DECTHINGS)).all(evaluateBase).stream()
                .filter(m -> m.kind() == Mutation.Kind.AT_MAX_ITEMS).findFirst().orElseThrow();
        assertThat(most.description()).isEqualTo("exactly the maxItems of params");
        assertThat(most.body().get("params").size()).isEqualTo(255);
    }

    /**
     * The shipped requests declare no {@code minLength}, {@code minItems} or closed object, so these rules are
     * tried on an inline schema: what each derives, before the re-validation that needs a whole spec.
     */
    @org.junit.jupiter.api.Test
    void lengthItemsAndClosedObjectRulesDeriveTheirValues() throws Exception {
        Schema<?> schema = Yaml.mapper().readValue("""
                type: object
                additionalProperties: false
                required: [name, tags]
                properties:
                  name: {type: string, minLength: 3, maxLength: 5}
                  tags:
                    type: array
                    minItems: 2
                    maxItems: 3
                    items: {type: string, minLength: 1}
                  ratio: {type: number, minimum: 0, exclusiveMinimum: true, maximum: 1}
                """, Schema.class);
        JsonNode valid = Json.mapper().readTree("{\"name\": \"abcd\", \"tags\": [\"a\", \"b\"], \"ratio\": 0.5}");
        SpecCatalog catalog = SpecCatalog.of(Api.DECTHINGS); // only resolves $refs, and this schema has none

        Map<String, JsonNode> broken = new java.util.LinkedHashMap<>();
        NegativeVariants.candidates(catalog, schema, valid).forEach(m -> broken.put(m.description(), m.body()));
        assertThat(broken.get("string shorter than the minLength of name").get("name").asText()).hasSize(2);
        assertThat(broken.get("string longer than the maxLength of name").get("name").asText()).hasSize(6);
        assertThat(broken.get("fewer items than the minItems of tags").get("tags")).hasSize(1);
        assertThat(broken.get("more items than the maxItems of tags").get("tags")).hasSize(4);
        assertThat(broken.get("undeclared property conformanceUndeclared").has("conformanceUndeclared")).isTrue();
        assertThat(broken.get("string shorter than the minLength of tags[0]").get("tags").get(0).asText()).isEmpty();
        assertThat(broken).containsKey("missing required tags");

        Map<String, JsonNode> edges = new java.util.LinkedHashMap<>();
        BoundaryVariants.candidates(catalog, schema, valid).forEach(m -> edges.put(m.description(), m.body()));
        assertThat(edges.get("a string of exactly the minLength of name").get("name").asText()).isEqualTo("abc");
        assertThat(edges.get("a string of exactly the maxLength of name").get("name").asText()).isEqualTo("abcdd");
        assertThat(edges.get("exactly the minItems of tags").get("tags")).hasSize(2);
        assertThat(edges.get("exactly the maxItems of tags").get("tags")).hasSize(3);
        assertThat(edges.get("the least value allowed for ratio").get("ratio").decimalValue())
                .isEqualByComparingTo("0.001");
        assertThat(edges.get("the greatest value allowed for ratio").get("ratio").decimalValue())
                .isEqualByComparingTo("1");
    }
}
