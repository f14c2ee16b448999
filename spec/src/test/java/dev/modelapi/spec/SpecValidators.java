package dev.modelapi.spec;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.PathItem;

import java.util.EnumMap;
import java.util.Map;

/** swagger-request-validator instances over the shipped documents, built once per test run. */
final class SpecValidators {
    private static final Map<ModelApiSpec, OpenApiInteractionValidator> VALIDATORS = new EnumMap<>(ModelApiSpec.class);

    private SpecValidators() {
    }

    static synchronized OpenApiInteractionValidator of(ModelApiSpec spec) {
        return VALIDATORS.computeIfAbsent(spec, s -> OpenApiInteractionValidator
                .createForInlineApiSpecification(s.text())
                // Paths are matched without the server prefix (/v0): the examples are path-relative.
                .withBasePathOverride("/")
                // The examples carry no credentials; authentication is not what they illustrate.
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                        .build())
                .build());
    }

    static String body(Object exampleValue) {
        if (exampleValue instanceof String s) {
            return s;
        }
        try {
            return Json.mapper().writeValueAsString(exampleValue);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A concrete request path for a templated one ({model} → a realistic id). */
    static String concretePath(String path) {
        return path.replaceAll("\\{[^}]+}", "0f3c9a58-2d1e-4b7c-9a6f-8e5d4c3b2a10");
    }

    static ValidationReport validateRequest(ModelApiSpec spec, String path, PathItem.HttpMethod method,
                                            String contentType, Object body) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(Request.Method.valueOf(method.name()), concretePath(path));
        if (body != null) {
            b.withContentType(contentType).withBody(body(body));
        }
        return of(spec).validateRequest(b.build());
    }

    static ValidationReport validateResponse(ModelApiSpec spec, String path, PathItem.HttpMethod method,
                                             int status, String contentType, Object body) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(status);
        if (body != null) {
            b.withContentType(contentType).withBody(body(body));
        }
        return of(spec).validateResponse(concretePath(path), Request.Method.valueOf(method.name()), b.build());
    }
}
