package dev.modelapi.mock.pieces.download;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.modelapi.spec.ModelApiSpec;

/**
 * Validates a progress message against {@code ModelDownloadProgress} of the Pieces OpenAPI document, as the
 * {@code 200 application/json} body of {@code GET /model/{model}/download/progress} (the operation whose schema the
 * AsyncAPI message references).
 */
public final class ProgressSchema {

    private static OpenApiInteractionValidator validator;

    private ProgressSchema() {
    }

    private static synchronized OpenApiInteractionValidator validator() {
        if (validator == null) {
            validator = OpenApiInteractionValidator.createForInlineApiSpecification(ModelApiSpec.PIECES.text()).build();
        }
        return validator;
    }

    /** The validation report of one message (empty = valid). */
    public static ValidationReport validate(String json) {
        return validator().validateResponse("/model/3c1a8f5e-6b2d-4e7a-9f10-2d4b8c6e1a57/download/progress",
                Request.Method.GET,
                SimpleResponse.Builder.ok().withContentType("application/json").withBody(json).build());
    }

    /** Throws an AssertionError naming the problems if {@code json} is not a valid message. */
    public static void assertValid(String json) {
        ValidationReport report = validate(json);
        if (report.hasErrors()) {
            throw new AssertionError("Not a valid ModelDownloadProgress: " + json + "\n" + report);
        }
    }
}
