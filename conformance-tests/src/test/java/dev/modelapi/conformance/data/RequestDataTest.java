package dev.modelapi.conformance.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.conformance.spec.SpecCatalog;
import dev.modelapi.conformance.validation.SpecValidator;
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
}
