package dev.modelapi.mock.validation;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.modelapi.spec.ModelApiSpec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * swagger-request-validator over one of the shipped specs. Building one parses and prepares the whole document
 * (about a second for Decthings), so there is exactly one per spec per JVM, shared by every mock instance; the
 * validator itself is thread-safe.
 *
 * <p>Choices (see the module README):
 * <ul>
 *   <li>Security is not validated here: authentication is the mock's own concern ({@code --api-key}), and the
 *       Pieces {@code X-Application-ID} header is optional.</li>
 *   <li>Everything else keeps the validator's defaults. In particular it treats every object schema as closed: a
 *       property the spec does not declare is a violation ({@code validation.*.body.schema.additionalProperties}).
 *       Kept on purpose: in requests it reports a client's misspelt field by name instead of ignoring it, and in
 *       responses it proves that the mock sends nothing the spec does not describe.</li>
 * </ul>
 */
public final class SpecValidator {

    /** Per spec, so that building the Decthings one (about a second) does not hold up a Pieces caller. */
    private static final Map<ModelApiSpec, SpecValidator> INSTANCES = new ConcurrentHashMap<>();

    /** Recent request verdicts kept (bodies up to {@value #MEMO_MAX_BODY_CHARS} chars); emptied when full. */
    static final int MEMO_ENTRIES = 1024;
    static final int MEMO_MAX_BODY_CHARS = 4096;

    private final ModelApiSpec spec;
    private final OpenApiInteractionValidator validator;
    /**
     * The verdict on a request depends only on what is passed in, and clients repeat requests (polling a status,
     * reading a model, listing): one validation costs far more than the lookup (see BENCHMARKS.md).
     */
    private final Map<RequestKey, List<Violation>> memo = new ConcurrentHashMap<>();

    private record RequestKey(String method, String path, String contentType, String body,
                              Map<String, List<String>> headers) {
    }

    private SpecValidator(ModelApiSpec spec) {
        this.spec = spec;
        this.validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(spec.text())
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    public static SpecValidator of(ModelApiSpec spec) {
        SpecValidator v = INSTANCES.get(spec);
        return v != null ? v : INSTANCES.computeIfAbsent(spec, SpecValidator::new);
    }

    public ModelApiSpec spec() {
        return spec;
    }

    /**
     * Validates a request.
     *
     * @param path the request path as sent, including the server's base path ({@code /v0/Model/createModel})
     * @param body the body as text, or null
     */
    public List<Violation> validateRequest(String method, String path, String contentType, String body,
                                           Map<String, List<String>> headers) {
        if (body != null && body.length() > MEMO_MAX_BODY_CHARS) {
            return validate(method, path, contentType, body, headers);
        }
        RequestKey key = new RequestKey(method, path, contentType, body, Map.copyOf(headers));
        List<Violation> known = memo.get(key);
        if (known != null) {
            return known;
        }
        List<Violation> verdict = validate(method, path, contentType, body, headers);
        if (memo.size() >= MEMO_ENTRIES) {
            memo.clear();
        }
        memo.put(key, verdict);
        return verdict;
    }

    private List<Violation> validate(String method, String path, String contentType, String body,
                                     Map<String, List<String>> headers) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(Request.Method.valueOf(method), path);
        headers.forEach((name, values) -> b.withHeader(name, values));
        if (contentType != null) {
            b.withContentType(contentType);
        }
        if (body != null) {
            b.withBody(body);
        }
        return List.copyOf(Violations.of(validator.validateRequest(b.build())));
    }

    /** Validates a response to {@code method path}; a null content type or body means none. */
    public List<Violation> validateResponse(String method, String path, int status, String contentType,
                                            String body) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            b.withContentType(contentType);
        }
        if (body != null) {
            b.withBody(body);
        }
        return Violations.of(validator.validateResponse(path, Request.Method.valueOf(method), b.build()));
    }
}
