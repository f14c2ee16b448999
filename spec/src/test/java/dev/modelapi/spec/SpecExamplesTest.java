package dev.modelapi.spec;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every named example is valid against its schema, and every operation illustrates its success and its errors. */
class SpecExamplesTest {

    @TestFactory
    Stream<DynamicTest> everyNamedExampleValidatesAgainstItsSchema() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ModelApiSpec spec : ModelApiSpec.values()) {
            SpecModel model = new SpecModel(spec.openApi());
            for (SpecModel.Op op : model.operations()) {
                if (op.operation().getRequestBody() != null) {
                    op.operation().getRequestBody().getContent().forEach((type, media) ->
                            model.examples(media).forEach((name, value) -> tests.add(DynamicTest.dynamicTest(
                                    spec + " " + op.label() + " request " + name,
                                    () -> assertValid(SpecValidators.validateRequest(
                                            spec, op.path(), op.method(), type, value))))));
                }
                op.operation().getResponses().forEach((status, response) -> {
                    ApiResponse resolved = model.resolve(response);
                    if (resolved.getContent() == null) {
                        return;
                    }
                    resolved.getContent().forEach((type, media) ->
                            model.examples(media).forEach((name, value) -> tests.add(DynamicTest.dynamicTest(
                                    spec + " " + op.label() + " " + status + " " + name,
                                    () -> assertValid(SpecValidators.validateResponse(
                                            spec, op.path(), op.method(), Integer.parseInt(status), type, value))))));
                });
            }
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyDecthingsOperationHasASuccessExampleAndOnePerErrorCode() {
        SpecModel model = new SpecModel(ModelApiSpec.DECTHINGS.openApi());
        return model.operations().stream().map(op -> DynamicTest.dynamicTest(op.label(), () -> {
            MediaType request = op.operation().getRequestBody().getContent().get("application/json");
            assertThat(model.examples(request)).as("request examples").containsKey("success");

            MediaType ok = model.resolve(op.operation().getResponses().get("200")).getContent().get("application/json");
            Map<String, Object> examples = model.examples(ok);
            assertThat(examples).as("response examples").containsKey("success");
            assertThat(((JsonNode) examples.get("success")).has("result")).as("success example has a result").isTrue();

            Schema<?> envelope = model.resolve(ok.getSchema());
            Schema<?> errorUnion = model.resolve(envelope.getProperties().get("error"));
            Set<String> codes = new TreeSet<>(errorUnion.getDiscriminator().getMapping().keySet());
            for (String code : codes) {
                assertThat(examples).as("example for error code " + code).containsKey(code);
                JsonNode error = ((JsonNode) examples.get(code)).path("error");
                assertThat(error.path("code").asText()).as("code of example " + code).isEqualTo(code);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyPiecesOperationHasASuccessExampleAndOnePerErrorStatus() {
        SpecModel model = new SpecModel(ModelApiSpec.PIECES.openApi());
        return model.operations().stream().map(op -> DynamicTest.dynamicTest(op.label(), () ->
                op.operation().getResponses().forEach((status, response) -> {
                    ApiResponse resolved = model.resolve(response);
                    if (resolved.getContent() == null) {
                        return;
                    }
                    resolved.getContent().forEach((type, media) -> {
                        Map<String, Object> examples = model.examples(media);
                        if (status.startsWith("2")) {
                            assertThat(examples).as(status + " " + type).containsKey("success");
                        } else {
                            assertThat(examples).as(status + " " + type).isNotEmpty();
                        }
                    });
                })));
    }

    // -- the validator is strict: broken examples are rejected --------------------------------------------------

    @Test
    void rejectsAnErrorCodeThatBelongsToAnotherOperation() {
        ValidationReport report = SpecValidators.validateResponse(ModelApiSpec.DECTHINGS, "/Model/createModel",
                PathItem.HttpMethod.POST, 200, "application/json", json("{\"error\":{\"code\":\"image_not_found\"}}"));
        assertThat(report.hasErrors()).isTrue();
        assertThat(report.getMessages().toString()).contains("image_not_found");
    }

    @Test
    void rejectsInvalidParameterWithoutParameterName() {
        ValidationReport report = SpecValidators.validateResponse(ModelApiSpec.DECTHINGS, "/Model/setImage",
                PathItem.HttpMethod.POST, 200, "application/json",
                json("{\"error\":{\"code\":\"invalid_parameter\",\"reason\":\"Expected a string\"}}"));
        assertThat(report.hasErrors()).isTrue();
        assertThat(report.getMessages().toString()).contains("parameterName");
    }

    @Test
    void rejectsAnEnvelopeWithBothResultAndError() {
        ValidationReport report = SpecValidators.validateResponse(ModelApiSpec.DECTHINGS, "/Model/setImage",
                PathItem.HttpMethod.POST, 200, "application/json",
                json("{\"result\":{},\"error\":{\"code\":\"unknown\"}}"));
        assertThat(report.hasErrors()).isTrue();
    }

    @Test
    void rejectsAnUploadWithoutItsData() {
        ValidationReport report = SpecValidators.validateRequest(ModelApiSpec.DECTHINGS, "/Model/createModel",
                PathItem.HttpMethod.POST, "application/json",
                json("{\"name\":\"m\",\"description\":\"d\",\"options\":{\"type\":\"upload\",\"format\":\"onnx\"}}"));
        assertThat(report.hasErrors()).isTrue();
        assertThat(report.getMessages().toString()).contains("data");
    }

    @Test
    void rejectsBinaryFieldsThatAreNotBase64() {
        ValidationReport report = SpecValidators.validateRequest(ModelApiSpec.DECTHINGS, "/Model/createModel",
                PathItem.HttpMethod.POST, "application/json",
                json("{\"name\":\"m\",\"description\":\"d\",\"options\":{\"type\":\"upload\",\"format\":\"onnx\",\"data\":\"not base64 !!\"}}"));
        assertThat(report.hasErrors()).isTrue();
    }

    @Test
    void acceptsAMultiCodeVariantWithAnyOfItsCodes() {
        for (String code : List.of("name_already_used", "quota_exceeded", "unknown")) {
            ValidationReport report = SpecValidators.validateResponse(ModelApiSpec.DECTHINGS, "/Model/createModel",
                    PathItem.HttpMethod.POST, 200, "application/json", json("{\"error\":{\"code\":\"" + code + "\"}}"));
            assertValid(report);
        }
    }

    private static JsonNode json(String text) {
        try {
            return io.swagger.v3.core.util.Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void assertValid(ValidationReport report) {
        assertThat(report.hasErrors()).as("validation errors: %s", report.getMessages()).isFalse();
    }
}
