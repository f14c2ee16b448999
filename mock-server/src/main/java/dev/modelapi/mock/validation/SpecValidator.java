package dev.modelapi.mock.validation;

import dev.modelapi.validation.InteractionValidators;
import dev.modelapi.validation.ValidatorParseOptions;
import com.atlassian.oai.validator.OpenApiInteractionValidator.SpecSource;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.util.OpenApiLoader;
import dev.modelapi.spec.ModelApiSpec;
import io.swagger.v3.oas.models.OpenAPI;

import java.net.URI;
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
 *   <li>Speed (the mock validates every request): component references are kept instead of inlined, each spec path
 *       gets its own validator, a request that is only a JSON body has only its body validated per request, and
 *       discriminated unions are validated through the member the discriminator names
 *       ({@link InteractionValidators}, shared with the conformance suite and the validating proxy). The verdicts
 *       are the library's as shipped - {@code FastValidationAgreesWithLibraryTest} compares them on every example
 *       of both specs and variants.</li>
 * </ul>
 */
public final class SpecValidator {

    /** Per spec, so that building the Decthings one (about a second) does not hold up a Pieces caller. */
    private static final Map<ModelApiSpec, SpecValidator> INSTANCES = new ConcurrentHashMap<>();

    /** Recent request verdicts kept (bodies up to {@value #MEMO_MAX_BODY_CHARS} chars); emptied when full. */
    static final int MEMO_ENTRIES = 1024;
    static final int MEMO_MAX_BODY_CHARS = 4096;

    private final ModelApiSpec spec;
    private final InteractionValidators validators;
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
        OpenAPI api = new OpenApiLoader().loadApi(SpecSource.inline(spec.text()), List.of(), ValidatorParseOptions.create());
        String basePath = basePath(api);
        LevelResolver levels = LevelResolver.create()
                .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                .build();
        this.validators = new InteractionValidators(api, basePath, levels);
    }

    /** The path of the first server's URL, as the library would strip it ({@code /v0} for Decthings). */
    private static String basePath(OpenAPI api) {
        if (api.getServers() == null || api.getServers().isEmpty() || api.getServers().get(0).getUrl() == null) {
            return "/";
        }
        String path = URI.create(api.getServers().get(0).getUrl()).getPath();
        return path == null || path.isEmpty() ? "/" : path;
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
        return List.copyOf(Violations.of(validators.validateRequest(method, path, Map.of(), contentType, body,
                headers)));
    }

    /** Whether a request to {@code method path} that is a JSON body and nothing else has only its body validated. */
    boolean validatesOnlyTheJsonBody(String method, String path) {
        return validators.validatesOnlyTheJsonBody(method, path);
    }

    /** Validates a response to {@code method path}; a null content type or body means none. */
    public List<Violation> validateResponse(String method, String path, int status, String contentType,
                                            String body) {
        return Violations.of(validators.validateResponse(method, path, status, contentType, body));
    }
}
