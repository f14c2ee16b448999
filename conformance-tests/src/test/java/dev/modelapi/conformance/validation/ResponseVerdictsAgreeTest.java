package dev.modelapi.conformance.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelapi.conformance.data.Mutation;
import dev.modelapi.conformance.data.NegativeVariants;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.conformance.spec.SpecCatalog;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two JSON Schema engines of the kit give the same verdicts on answers: {@link DocumentSchemas} (what the suite
 * and the proxy judge answers with) and swagger-request-validator's (what the mock validates with). Tried on every
 * named answer example of both specs, each valid, and on every variant of it broken one way (a required property
 * removed, a wrong type, a value outside an enum, pattern or range, a discriminator naming no variant, …; at any
 * depth).
 */
class ResponseVerdictsAgreeTest {

    /** One answer example of one operation and status. */
    record AnswerExample(ApiOperation op, int status, String media, String name, JsonNode value) {
        String label() {
            return op.key() + " " + status + " " + name;
        }
    }

    static Stream<AnswerExample> answerExamples() {
        List<AnswerExample> out = new ArrayList<>();
        for (Api api : Api.values()) {
            SpecCatalog catalog = SpecCatalog.of(api);
            for (ApiOperation op : catalog.operations()) {
                if (op.operation().getResponses() == null) {
                    continue;
                }
                op.operation().getResponses().forEach((code, declared) -> {
                    if (!code.matches("\\d{3}")) {
                        return;
                    }
                    ApiResponse response = catalog.resolve(declared);
                    if (response.getContent() == null) {
                        return;
                    }
                    MediaType json = response.getContent().get("application/json");
                    if (json == null || json.getExamples() == null) {
                        return;
                    }
                    json.getExamples().forEach((name, example) -> out.add(new AnswerExample(op,
                            Integer.parseInt(code), "application/json", name,
                            SpecCatalog.toJson(catalog.resolve(example).getValue()))));
                });
            }
        }
        return out.stream();
    }

    @Test
    void thereAreExamplesToCompare() {
        assertThat(answerExamples().count()).isGreaterThan(100);
    }

    @TestFactory
    Stream<DynamicTest> bothEnginesAcceptEveryAnswerExampleAndRejectTheSameBrokenVariants() {
        return answerExamples().map(x -> DynamicTest.dynamicTest(x.label(), () -> {
            SpecValidator validator = SpecValidator.of(x.op().api());
            String body = x.value().toString();
            assertThat(validator.responseBodyProblems(x.op(), x.status(), x.media(), body)).as("fast engine").isEmpty();
            assertThat(validator.libraryResponseBodyProblems(x.op(), x.status(), x.media(), body)).as("library")
                    .isEmpty();
            io.swagger.v3.oas.models.media.Schema<?> schema = x.op().response(x.status()).getContent()
                    .get(x.media()).getSchema();
            List<String> disagreements = new ArrayList<>();
            int rejected = 0;
            List<Mutation> variants = NegativeVariants.candidates(x.op().catalog(), schema, x.value());
            if (x.op().api() == Api.PIECES && x.value().isObject()) {
                // (a Decthings envelope holds exactly one of result and error: maxProperties 1)
                // an undeclared property where the schema does not forbid one passes (a deployment may add fields).
                // Not compared: the library reports it by default, which the mock keeps as its own, stricter
                // self-check of what it serves.
                JsonNode extra = x.value().deepCopy();
                ((com.fasterxml.jackson.databind.node.ObjectNode) extra).put("conformanceExtra", true);
                assertThat(validator.responseBodyProblems(x.op(), x.status(), x.media(), extra.toString()))
                        .as("an undeclared property").isEmpty();
            }
            for (Mutation m : variants) {
                String broken = m.body().toString();
                List<String> fast = validator.responseBodyProblems(x.op(), x.status(), x.media(), broken);
                List<String> library = validator.libraryResponseBodyProblems(x.op(), x.status(), x.media(), broken);
                rejected += fast.isEmpty() ? 0 : 1;
                if (fast.isEmpty() != library.isEmpty()) {
                    disagreements.add(m.description() + ": fast " + fast + " / library " + library);
                }
            }
            assertThat(disagreements).isEmpty();
            // the comparison means something: an example with anything to break has variants both reject
            assertThat(variants.isEmpty() || rejected > 0).as("%d variants, %d rejected", variants.size(), rejected)
                    .isTrue();
        }));
    }
}
