package dev.modelapi.validation;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * swagger-request-validator over one spec, as the mock, the suite and the validating proxy use it: a validator per
 * spec path ({@link PathScopedValidators}: the library would match every request against every path), a request
 * that is only a JSON body validated as that body alone ({@link JsonBodyShortcut}), and the faster keywords of
 * {@link SchemaFactory}. The verdicts are the library's as shipped; the mock's {@code FastValidationAgreesWithLibraryTest}
 * compares them on every example of both specs and variants of them. Thread-safe; build one per spec and keep it.
 */
public final class InteractionValidators {

    private static final String JSON = JsonBodyShortcut.JSON;

    private final PathScopedValidators validators;
    private final JsonBodyShortcut jsonBodies;

    /**
     * @param api      the spec as the library loads it ({@code OpenApiLoader} with {@link ValidatorParseOptions})
     * @param basePath the prefix of every request path given here ({@code /v0}, or {@code /} for paths relative to
     *                 the server URL)
     * @param levels   the library's message levels (e.g. security ignored)
     */
    public InteractionValidators(OpenAPI api, String basePath, LevelResolver levels) {
        this.validators = new PathScopedValidators(api, basePath, scope -> OpenApiInteractionValidator
                .createFor(scope)
                .withBasePathOverride(basePath)
                .withSchemaFactorySupplier(SchemaFactory::create)
                .withLevelResolver(levels)
                .build());
        this.jsonBodies = new JsonBodyShortcut(api, basePath, validators, new MessageResolver(levels));
    }

    /**
     * The report on a request.
     *
     * @param path    the path as sent (base path included), without the query
     * @param query   query parameters (empty when none)
     * @param headers request headers other than Content-Type (empty when none)
     * @param body    the body as text, or null
     */
    public ValidationReport validateRequest(String method, String path, Map<String, List<String>> query,
                                            String contentType, String body, Map<String, List<String>> headers) {
        if (body != null && query.isEmpty() && headers.isEmpty() && JSON.equals(contentType)) {
            Optional<ValidationReport> report = jsonBodies.validate(method, path, body);
            if (report.isPresent()) {
                return report.get();
            }
        }
        SimpleRequest.Builder b = new SimpleRequest.Builder(Request.Method.valueOf(method), path);
        query.forEach(b::withQueryParam);
        headers.forEach(b::withHeader);
        if (contentType != null) {
            b.withContentType(contentType);
        }
        if (body != null) {
            b.withBody(body);
        }
        return validators.forPath(path).validateRequest(b.build());
    }

    /** The report on a response to {@code method path}; a null content type or body means none. */
    public ValidationReport validateResponse(String method, String path, int status, String contentType,
                                             String body) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            b.withContentType(contentType);
        }
        if (body != null) {
            b.withBody(body);
        }
        return validators.forPath(path).validateResponse(path, Request.Method.valueOf(method), b.build());
    }

    /** Whether a request to {@code method path} that is a JSON body and nothing else has only its body validated. */
    public boolean validatesOnlyTheJsonBody(String method, String path) {
        return jsonBodies.bodySchema(method, path).isPresent();
    }
}
