package dev.modelapi.conformance.validation;

import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.validation.DocumentSchemas;
import dev.modelapi.validation.InteractionValidators;
import dev.modelapi.validation.ValidatorParseOptions;
import com.atlassian.oai.validator.OpenApiInteractionValidator.SpecSource;
import com.atlassian.oai.validator.util.OpenApiLoader;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules of one shipped document, built once per API. Requests (whole, or a generated body) are judged by
 * swagger-request-validator set up as the mock validates requests ({@link InteractionValidators}), so that the
 * suite judges a request exactly as the mock does. Answers and single values (an error variant, a progress frame)
 * are judged by {@link DocumentSchemas}, the faster engine that every exchange of the suite and of the validating
 * proxy goes through; {@code ResponseVerdictsAgreeTest} shows that both engines give the same verdicts on every
 * answer example of both specs and on variants of them broken in each way.
 *
 * <p>Undeclared properties in answers are reported only where the spec says {@code additionalProperties: false}
 * (e.g. {@code EmptyResult}); elsewhere a deployment may add fields (Pieces adds properties over time, and the SDK
 * tolerates them), so they are not failures. (swagger-request-validator reports them everywhere by default: the
 * mock keeps that as a stricter check of what it serves itself.) Security is not validated here (the {@code auth}
 * check does that).
 */
public final class SpecValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Read on every exchange the proxy judges, from every thread: a lock-free read once built. */
    private static final Map<Api, SpecValidator> INSTANCES = new ConcurrentHashMap<>();

    private final Api api;
    private final InteractionValidators validator;
    private final DocumentSchemas schemas;
    private final Map<String, Optional<String>> responsePointers = new ConcurrentHashMap<>();

    private SpecValidator(Api api) {
        this.api = api;
        LevelResolver levels = LevelResolver.create()
                .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                .build();
        // Paths are given relative to the server URL ({@code /Model/getModels}, {@code /model/x}).
        this.validator = new InteractionValidators(new OpenApiLoader().loadApi(SpecSource.inline(api.spec().text()),
                List.of(), ValidatorParseOptions.create()), "/", levels);
        String resource = api.spec().resource();
        this.schemas = DocumentSchemas.of(resource.substring(resource.lastIndexOf('/') + 1), api.spec().text());
    }

    public static SpecValidator of(Api api) {
        return INSTANCES.computeIfAbsent(api, SpecValidator::new);
    }

    /**
     * Problems of a response body, as one line each; the status and Content-Type are other checks' business and
     * are left out (an undeclared status or media type gives no problems here). {@code body} is the text as
     * received, or null when there is none.
     */
    public List<String> responseBodyProblems(ApiOperation op, int status, String mediaType, String body) {
        Optional<String> schema = responseSchemaPointer(op, status, mediaType);
        if (schema.isEmpty()) {
            return List.of();
        }
        if (body == null || body.isEmpty()) {
            return List.of("A response body is expected but none found");
        }
        JsonNode value;
        if (Exchange.isJson(Exchange.mediaTypeOf(mediaType))) {
            try {
                value = JSON.readTree(body);
            } catch (JsonProcessingException e) {
                return List.of("The body is not JSON: " + e.getOriginalMessage());
            }
        } else {
            value = TextNode.valueOf(body); // text/plain and the like: the body is the string the schema describes
        }
        return lines(schemas.problems(schema.get(), value));
    }

    /**
     * Problems of a response's JSON document already read: a Decthings answer with its framing decoded, or a JSON
     * body the caller has parsed once for everything else it checks.
     */
    public List<String> responseBodyProblems(ApiOperation op, int status, String mediaType, JsonNode document) {
        return responseSchemaPointer(op, status, mediaType)
                .map(pointer -> lines(schemas.problems(pointer, document))).orElse(List.of());
    }

    /** The same judgement by swagger-request-validator's engine, which the mock uses (to show that both agree). */
    List<String> libraryResponseBodyProblems(ApiOperation op, int status, String mediaType, String body) {
        ValidationReport report = validator.validateResponse(op.httpMethod().name(), templatePath(op), status,
                mediaType, body);
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

    /**
     * The JSON Pointer of the schema of {@code op}'s answer with this status and media type: the response that
     * covers the status ({@link ApiOperation#responseKey}: its own, a range, or {@code default}), through a
     * {@code $ref} to {@code #/components/responses/…}; empty when none.
     */
    private Optional<String> responseSchemaPointer(ApiOperation op, int status, String mediaType) {
        return responsePointers.computeIfAbsent(op.key() + " " + status + " " + mediaType, k -> {
            String code = op.responseKey(status);
            if (code == null) {
                return Optional.empty();
            }
            ApiResponse response = op.operation().getResponses().get(code);
            String base = "/paths/" + escape(op.path()) + "/" + op.httpMethod().name().toLowerCase(Locale.ROOT)
                    + "/responses/" + escape(code);
            if (response.get$ref() != null) {
                base = response.get$ref().substring(1);
                response = op.catalog().resolve(response);
            }
            String media = Exchange.mediaTypeOf(mediaType);
            if (response == null || response.getContent() == null || media == null) {
                return Optional.empty();
            }
            for (String declared : response.getContent().keySet()) {
                if (declared.toLowerCase(Locale.ROOT).equals(media)
                        && response.getContent().get(declared).getSchema() != null) {
                    return Optional.of(base + "/content/" + escape(declared) + "/schema");
                }
            }
            return Optional.empty();
        });
    }

    /** A JSON Pointer reference token ({@code /} and {@code ~} escaped). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> lines(List<DocumentSchemas.Problem> problems) {
        List<String> out = new ArrayList<>(problems.size());
        problems.forEach(p -> out.add(p.line()));
        return out;
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
        ValidationReport report = validator.validateRequest(method.toUpperCase(Locale.ROOT), path, query,
                contentType, body, headers);
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
        return lines(schemas.problems("/components/schemas/" + escape(componentName), value));
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
