package dev.modelapi.conformance.validation;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.conformance.spec.SpecCatalog;
import dev.modelapi.validation.SchemaFactory;
import dev.modelapi.validation.ValidatorParseOptions;
import com.atlassian.oai.validator.OpenApiInteractionValidator.SpecSource;
import com.atlassian.oai.validator.util.OpenApiLoader;
import io.swagger.v3.oas.models.media.Schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * swagger-request-validator over the shipped documents: whole requests and responses, and single values against a
 * component schema. One instance per API, built once. Its JSON Schema engine is the one the mock validates with
 * ({@link SchemaFactory}: discriminator-aware {@code oneOf}, same verdicts as the library's).
 *
 * <p>Undeclared properties: the validator reports them only where the spec says {@code additionalProperties: false}
 * (e.g. {@code EmptyResult}); elsewhere a deployment may add fields (Pieces adds properties over time, and the SDK
 * tolerates them), so they are not failures. Security is not validated here (the {@code auth} check does that).
 */
public final class SpecValidator {

    private static final Map<Api, SpecValidator> INSTANCES = Collections.synchronizedMap(new EnumMap<>(Api.class));

    private final Api api;
    private final OpenApiInteractionValidator validator;
    private final SchemaValidator schemaValidator;

    private SpecValidator(Api api) {
        this.api = api;
        LevelResolver levels = LevelResolver.create()
                .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                .build();
        this.validator = OpenApiInteractionValidator
                .createFor(new OpenApiLoader().loadApi(SpecSource.inline(api.spec().text()), List.of(),
                        ValidatorParseOptions.create()))
                // Paths are given relative to the server URL ({@code /Model/getModels}, {@code /model/x}).
                .withBasePathOverride("/")
                .withLevelResolver(levels)
                .withSchemaFactorySupplier(SchemaFactory::create)
                .build();
        this.schemaValidator = new SchemaValidator(SpecCatalog.of(api).api(), new MessageResolver(levels),
                SchemaFactory::create);
    }

    public static SpecValidator of(Api api) {
        return INSTANCES.computeIfAbsent(api, SpecValidator::new);
    }

    /**
     * Problems of a response body, as one line each; the status and Content-Type are other checks' business and
     * are left out.
     */
    public List<String> responseBodyProblems(ApiOperation op, int status, String mediaType, String body) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(status);
        if (mediaType != null) {
            b.withContentType(mediaType);
        }
        if (body != null) {
            b.withBody(body);
        }
        ValidationReport report = validator.validateResponse(templatePath(op),
                Request.Method.valueOf(op.httpMethod().name()), b.build());
        List<String> problems = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            String key = m.getKey();
            if (key.startsWith("validation.response.status") || key.startsWith("validation.response.contentType")
                    || key.startsWith("validation.request")) {
                continue;
            }
            problems.add(format(m, ""));
        }
        return problems;
    }

    /** Problems of a JSON request body (used to re-validate generated inputs before sending them). */
    public List<String> requestBodyProblems(ApiOperation op, JsonNode body) {
        return requestProblems(op.httpMethod().name(), templatePath(op), Map.of(), Map.of(),
                body == null ? null : "application/json", body == null ? null : body.toString());
    }

    /**
     * Problems of a whole request as a client sent it (path parameters, query, headers, body): what the validating
     * proxy checks on the way in. {@code path} is relative to the server URL, e.g. {@code /Model/getModels} or
     * {@code /model/abc/load}; {@code body} is the logical JSON document (Decthings: framing decoded), or null.
     */
    public List<String> requestProblems(String method, String path, Map<String, List<String>> query,
                                        Map<String, List<String>> headers, String contentType, String body) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(Request.Method.valueOf(method.toUpperCase()), path);
        query.forEach((name, values) -> b.withQueryParam(name, values));
        headers.forEach((name, values) -> b.withHeader(name, values));
        if (contentType != null) {
            b.withContentType(contentType);
        }
        if (body != null) {
            b.withBody(body);
        }
        ValidationReport report = validator.validateRequest(b.build());
        List<String> problems = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR && !m.getKey().startsWith("validation.request.security")) {
                problems.add(format(m, ""));
            }
        }
        return problems;
    }

    /** Problems of a value against a component schema ({@code #/components/schemas/name}). */
    public List<String> valueProblems(String componentName, JsonNode value) {
        Schema<?> ref = new Schema<>().$ref("#/components/schemas/" + componentName);
        ValidationReport report = schemaValidator.validate(value.toString(), ref, null);
        List<String> problems = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) {
                problems.add(format(m, ""));
            }
        }
        return problems;
    }

    public Api api() {
        return api;
    }

    private static String templatePath(ApiOperation op) {
        return op.path().replaceAll("\\{[^}]+}", "x");
    }

    private static String format(ValidationReport.Message m, String indent) {
        StringBuilder sb = new StringBuilder(indent).append(m.getMessage());
        m.getContext().flatMap(ValidationReport.MessageContext::getPointers).ifPresent(p -> {
            if (p.getInstance() != null && !p.getInstance().isEmpty()) {
                sb.append(" [at ").append(p.getInstance()).append(']');
            }
        });
        for (String nested : m.getNestedMessages().stream().map(n -> format(n, "")).toList()) {
            sb.append("\n").append(indent).append("  - ").append(nested.replace("\n", "\n    "));
        }
        return sb.toString();
    }
}
