package dev.modelapi.mock.pieces;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.modelapi.mock.Mode;
import dev.modelapi.mock.decthings.DecthingsPaths;
import dev.modelapi.mock.http.InternalHeaders;
import dev.modelapi.mock.http.MockJson;
import dev.modelapi.mock.http.Prefer;
import dev.modelapi.mock.recorded.ApiKind;
import dev.modelapi.mock.recorded.RecordedMappings;
import dev.modelapi.mock.recorded.StubParameters;
import dev.modelapi.mock.routing.JaxRsRouter;
import dev.modelapi.mock.validation.SpecValidator;
import dev.modelapi.mock.validation.Violation;
import dev.modelapi.pieces.server.api.ModelApi;
import dev.modelapi.pieces.server.api.ModelsApi;
import dev.modelapi.pieces.server.api.WellKnownApi;
import dev.modelapi.spec.ModelApiSpec;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the Pieces endpoints do for a request that a stub matched: route it by the generated interfaces'
 * JAX-RS annotations, validate it against the spec (failures: the declared 500 {@code text/plain} with the reason),
 * then serve the stub's canned answer or call the simulation. Errors are {@code text/plain}, as upstream.
 */
public final class PiecesHandler {

    /** Operations that declare no 500 (so neither validation nor the rate limit may answer 500 there). */
    private static final Set<String> NO_500 = Set.of("modelsSpecificModelSnapshot", "getWellKnownHealth",
            "headWellKnownHealth");

    private final JaxRsRouter router = new JaxRsRouter(ModelApi.class, ModelsApi.class, WellKnownApi.class);
    private final PiecesSimulation simulation;
    private final Mode mode;
    private final Notifier notifier;

    public PiecesHandler(PiecesSimulation simulation, Mode mode, Notifier notifier) {
        this.simulation = simulation;
        this.mode = mode;
        this.notifier = notifier;
    }

    /** The operation a request is for, if the spec has it. */
    public Optional<String> operationOf(Request request) {
        return router.match(request.getMethod().getName(), DecthingsPaths.pathOf(request.getUrl()))
                .map(m -> m.route().operationId());
    }

    /** True if the operation may answer 500 (the rate limit and validation only answer where it is declared). */
    public static boolean declares500(String operationId) {
        return !NO_500.contains(operationId);
    }

    public ResponseDefinition handle(Request request, ResponseDefinition stubbed, StubParameters stub) {
        String path = DecthingsPaths.pathOf(request.getUrl());
        Optional<JaxRsRouter.Match> match = router.match(request.getMethod().getName(), path);
        if (match.isEmpty()) {
            if (stub.role() == StubParameters.Role.CANNED) {
                return stubbed; // a user stub on a path the spec does not have
            }
            return text(404, "No Pieces OS endpoint " + request.getMethod().getName() + " " + path
                    + (router.pathExists(path) ? " (the path exists with another method)" : ""));
        }
        String operation = match.get().route().operationId();
        Optional<String> invalid = validate(request, path);
        if (invalid.isPresent() && declares500(operation)) {
            return text(500, invalid.get());
        }
        Prefer prefer = Prefer.of(request);
        if (stub.role() == StubParameters.Role.CANNED) {
            if (stub.isRecordedDefault() && prefer.picksExample() && declares500(operation)) {
                return text(500, noExample(operation, prefer));
            }
            return stubbed;
        }
        if (prefer.picksExample() && declares500(operation)) {
            return text(500, noExample(operation, prefer));
        }
        if (mode == Mode.RECORDED) {
            return text(500, "The mock runs in recorded mode and has no recorded answer for " + operation);
        }
        return simulate(request, match.get(), operation);
    }

    /** The declared 500 with a reason, for any Pieces request (e.g. the rate limit). */
    public ResponseDefinition error(String reason) {
        return text(500, reason);
    }

    private Optional<String> validate(Request request, String path) {
        if (request.containsHeader(InternalHeaders.BODY_TOO_LARGE)) {
            return Optional.of("The request body (" + request.getHeader(InternalHeaders.BODY_TOO_LARGE)
                    + " bytes) exceeds the mock's limit (--max-body-mib).");
        }
        byte[] body = request.getBody();
        boolean hasBody = body != null && body.length > 0;
        List<Violation> violations = SpecValidator.of(ModelApiSpec.PIECES).validateRequest(
                request.getMethod().getName(), path, hasBody ? request.getHeader("Content-Type") : null,
                hasBody ? new String(body, StandardCharsets.UTF_8) : null, headers(request));
        if (violations.isEmpty()) {
            return Optional.empty();
        }
        Violation v = violations.get(0);
        return Optional.of("Invalid request" + (v.field().isEmpty() ? "" : " field " + v.field()) + ": "
                + v.reason());
    }

    /** Headers the validator should see (Accept/Content-Type checks); internal ones are left out. */
    private static Map<String, List<String>> headers(Request request) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (HttpHeader h : request.getHeaders().all()) {
            if (!InternalHeaders.isInternal(h.key()) && !h.key().equalsIgnoreCase("Content-Type")) {
                out.put(h.key(), new ArrayList<>(h.values()));
            }
        }
        return out;
    }

    private ResponseDefinition simulate(Request request, JaxRsRouter.Match match, String operation) {
        byte[] body = request.getBody();
        Object[] args;
        try {
            args = JaxRsRouter.arguments(match, type -> readBody(body, type));
        } catch (BodyException e) {
            return text(500, e.getMessage());
        }
        try {
            Object result = match.route().method().invoke(simulation, args);
            if (result == null) {
                return ResponseDefinitionBuilder.responseDefinition()
                        .withStatus("HEAD".equals(match.route().httpMethod()) ? 200 : 204).build();
            }
            if (result instanceof String s) {
                return text(200, s);
            }
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(MockJson.bytes(result)).build();
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof PiecesException pe) {
                return text(pe.status(), pe.getMessage());
            }
            notifier.error("modelapi: the Pieces simulation failed on " + operation, e.getCause());
            return text(500, "Internal Server Error");
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object readBody(byte[] body, Class<?> type) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return MockJson.MAPPER.readValue(body, type);
        } catch (JsonMappingException e) {
            throw new BodyException("Invalid request body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BodyException("The request body is not valid JSON: " + e.getMessage());
        }
    }

    private static String noExample(String operation, Prefer prefer) {
        List<String> known = RecordedMappings.load().preferencesOf(ApiKind.PIECES, operation);
        String asked = prefer.example().map(e -> "example=" + e).or(() -> prefer.code().map(c -> "code=" + c))
                .orElse("");
        return "The mock has no recorded answer for " + asked + " on " + operation + "; known: "
                + String.join(", ", known);
    }

    static ResponseDefinition text(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "text/plain; charset=utf-8").withBody(body).build();
    }

    private static final class BodyException extends RuntimeException {
        BodyException(String message) {
            super(message);
        }
    }
}
