package dev.modelapi.validation;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.StringBody;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.atlassian.oai.validator.util.ContentTypeUtils;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The library's verdict on a request that is a JSON body and nothing else - no headers, no query string - to a path
 * without parameters: every request the Decthings endpoint validates.
 *
 * <p>For such requests everything the library checks besides the body (content type, {@code Accept}, header, query
 * and cookie parameters, the method) sees the same input every time, so that part of the verdict is taken once per
 * operation, by the library; only when it has no errors does the shortcut apply. The body is then validated per
 * request exactly as the library's {@code RequestBodyValidator} does it: the media type the library would pick for
 * {@code application/json}, the library's {@link SchemaValidator} with the same messages and schema factory, the
 * key prefix {@code request.body}. What is skipped is the per-request repetition of the constant part: in a
 * createModel profile it allocated as much as the body's schema validation (media types parsed, messages formatted,
 * the operation looked up through regexes) - see BENCHMARKS.md. Verdicts and messages are unchanged:
 * {@code FastValidationAgreesWithLibraryTest}.
 */
final class JsonBodyShortcut {

    static final String JSON = "application/json";

    private final OpenAPI api;
    private final String basePath;
    private final PathScopedValidators validators;
    private final MessageResolver messages;
    /** Built on first use: it converts every component schema to a tree (the mock's Pieces calls never need it). */
    private volatile SchemaValidator schemas;
    /** "METHOD template" → the body schema, or empty where the shortcut does not apply. */
    private final Map<String, Optional<Schema<?>>> bodySchemas = new ConcurrentHashMap<>();

    JsonBodyShortcut(OpenAPI api, String basePath, PathScopedValidators validators, MessageResolver messages) {
        this.api = api;
        this.basePath = basePath;
        this.validators = validators;
        this.messages = messages;
    }

    /** The report for {@code method path} with this JSON body and nothing else, or empty to ask the library. */
    Optional<ValidationReport> validate(String method, String path, String body) {
        if (body.isEmpty()) {
            return Optional.empty();                     // "body missing" is the library's to say
        }
        return bodySchema(method, path).map(schema -> schemas().validate(
                () -> new StringBody(body, StandardCharsets.UTF_8).toJsonNode(), schema, "request.body"));
    }

    private SchemaValidator schemas() {
        SchemaValidator s = schemas;
        if (s == null) {
            synchronized (this) {
                s = schemas;
                if (s == null) {
                    s = new SchemaValidator(api, messages, SchemaFactory::create);
                    schemas = s;
                }
            }
        }
        return s;
    }

    /** The schema a JSON body to {@code method path} is validated against, if the shortcut applies there. */
    Optional<Schema<?>> bodySchema(String method, String path) {
        String template = path.indexOf('?') >= 0 ? null : validators.uniqueLiteral(path);
        if (template == null) {
            return Optional.empty();                     // query parameters, path parameters, ambiguous paths
        }
        return bodySchemas.computeIfAbsent(method + " " + template, k -> operationBodySchema(method, template));
    }

    private Optional<Schema<?>> operationBodySchema(String method, String template) {
        PathItem item = api.getPaths().get(template);
        Operation operation = item == null ? null
                : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
        RequestBody requestBody = operation == null ? null : operation.getRequestBody();
        if (requestBody == null || requestBody.getContent() == null) {
            return Optional.empty();
        }
        Optional<String> media = ContentTypeUtils.findMostSpecificMatch(JSON, requestBody.getContent().keySet());
        if (media.isEmpty() || !otherChecksPass(method, template)) {
            return Optional.empty();
        }
        MediaType mediaType = requestBody.getContent().get(media.get());
        Schema<?> schema = mediaType == null ? null : mediaType.getSchema();
        return Optional.ofNullable(schema);              // no schema: the library validates nothing either
    }

    /** The library's verdict on everything but the body of such a request to this operation: no errors. */
    private boolean otherChecksPass(String method, String template) {
        String path = ("/".equals(basePath) ? "" : basePath) + template;
        ValidationReport report = validators.whole().validateRequest(
                new SimpleRequest.Builder(Request.Method.valueOf(method), path)
                        .withContentType(JSON).withBody("{}").build());
        return report.getMessages().stream().noneMatch(m -> m.getLevel() == ValidationReport.Level.ERROR
                && !m.getKey().startsWith("validation.request.body."));
    }
}
