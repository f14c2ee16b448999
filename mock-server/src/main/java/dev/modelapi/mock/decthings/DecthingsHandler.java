package dev.modelapi.mock.decthings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.common.Notifier;
import dev.modelapi.decthings.client.wire.BlobMapping;
import dev.modelapi.mock.Mode;
import dev.modelapi.mock.http.InternalHeaders;
import dev.modelapi.mock.http.MockJson;
import dev.modelapi.mock.http.Prefer;
import dev.modelapi.mock.recorded.ApiKind;
import dev.modelapi.mock.recorded.RecordedMappings;
import dev.modelapi.mock.recorded.StubParameters;
import dev.modelapi.mock.validation.SpecValidator;
import dev.modelapi.mock.validation.Violation;
import dev.modelapi.spec.ModelApiSpec;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the Decthings endpoint {@code POST /v0/Model/{method}} does for a request that a stub matched, in the
 * real API's order: unknown method → 404; credentials; body size and framing; validation against the spec; then the
 * stub's canned answer or the simulation; the answer encoded in the client's encoding (framed or JSON).
 *
 * <p>Every failure is an answer the spec declares: HTTP 200 with an {@code error} envelope (every method's union
 * has {@code invalid_parameter} and {@code bad_credentials}), 404 without body, or 500 without body for a bug in the
 * mock (logged).
 */
public final class DecthingsHandler {

    private final String apiKey;
    private final Mode mode;
    private final BlobMapping blobMapping;
    private final DecthingsOperations operations;
    private final DecthingsDispatcher dispatcher;
    private final Notifier notifier;

    public DecthingsHandler(String apiKey, Mode mode, BlobMapping blobMapping, DecthingsOperations operations,
                            DecthingsDispatcher dispatcher, Notifier notifier) {
        this.apiKey = apiKey;
        this.mode = mode;
        this.blobMapping = blobMapping;
        this.operations = operations;
        this.dispatcher = dispatcher;
        this.notifier = notifier;
    }

    public ResponseDefinition handle(Request request, ResponseDefinition stubbed, StubParameters stub) {
        Optional<String> method = DecthingsPaths.method(DecthingsPaths.pathOf(request.getUrl()));
        boolean known = method.isPresent() && operations.exists(method.get())
                && "POST".equals(request.getMethod().getName());
        if (!known) {
            // A user stub on a path the spec does not have is the user's business; ours answer "no such method".
            return stub.role() == StubParameters.Role.CANNED ? stubbed : DecthingsResponses.notFound();
        }
        String name = method.get();
        DecthingsEncoding encoding = DecthingsEncoding.forResponse(request);
        Optional<Caller> caller = authenticate(request, name);
        if (caller.isEmpty()) {
            return respond(name, DecthingsErrors.simple("bad_credentials"), encoding);
        }
        ObjectNode logical;
        try {
            logical = readBody(request);
        } catch (BodyException e) {
            return respond(name, DecthingsErrors.invalidParameter(DecthingsErrors.BODY, e.getMessage()), encoding);
        }
        List<Violation> violations = SpecValidator.of(ModelApiSpec.DECTHINGS).validateRequest("POST",
                DecthingsPaths.BASE + "/Model/" + name, "application/json", logical.toString(), Map.of());
        if (!violations.isEmpty()) {
            Violation v = violations.get(0);
            String field = v.field().isEmpty() ? DecthingsErrors.BODY : v.field();
            return respond(name, DecthingsErrors.invalidParameter(field, v.reason()), encoding);
        }
        Prefer prefer = Prefer.of(request);
        if (stub.role() == StubParameters.Role.CANNED) {
            if (stub.isRecordedDefault() && prefer.picksExample()) {
                return respond(name, noExample(name, prefer), encoding);
            }
            return canned(name, stubbed, encoding);
        }
        if (prefer.picksExample() || mode == Mode.RECORDED) {
            return respond(name, noExample(name, prefer), encoding);
        }
        return simulate(name, logical, caller.get(), encoding);
    }

    /** An API-shaped error for {@code code} (e.g. {@code too_many_requests}), for any path under /v0. */
    public ResponseDefinition error(Request request, String code) {
        Optional<String> method = DecthingsPaths.method(DecthingsPaths.pathOf(request.getUrl()))
                .filter(operations::exists);
        if (method.isEmpty()) {
            return DecthingsResponses.notFound();
        }
        return respond(method.get(), DecthingsErrors.simple(code), DecthingsEncoding.forResponse(request));
    }

    private Optional<Caller> authenticate(Request request, String method) {
        if (apiKey == null) {
            return Optional.of(Caller.USER);
        }
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            return operations.allowsAnonymous(method) ? Optional.of(Caller.ANONYMOUS) : Optional.empty();
        }
        String h = header.trim();
        boolean bearer = h.regionMatches(true, 0, "Bearer ", 0, 7);
        return bearer && h.substring(7).trim().equals(apiKey) ? Optional.of(Caller.USER) : Optional.empty();
    }

    private ObjectNode readBody(Request request) throws BodyException {
        String tooLarge = request.getHeader(InternalHeaders.BODY_TOO_LARGE);
        if (tooLarge != null) {
            throw new BodyException("The request body (" + tooLarge + " bytes) exceeds the mock's limit"
                    + " (--max-body-mib)");
        }
        String framingError = request.getHeader(InternalHeaders.FRAMING_ERROR);
        if (framingError != null) {
            throw new BodyException("Malformed Decthings frame: " + framingError);
        }
        byte[] body = request.getBody();
        if (body == null || body.length == 0) {
            throw new BodyException("The request body is empty; expected the method's parameters");
        }
        try {
            return MockJson.object(body);
        } catch (IOException e) {
            throw new BodyException("The request body is not a JSON object: "
                    + DecthingsFraming.firstLine(e.getMessage()));
        }
    }

    private ResponseDefinition canned(String method, ResponseDefinition stubbed, DecthingsEncoding encoding) {
        if (stubbed.getStatus() != 200) {
            return DecthingsResponses.status(stubbed.getStatus());
        }
        byte[] body = stubbed.getByteBody();
        if (body == null && stubbed.getJsonBody() != null) {
            body = MockJson.bytes(stubbed.getJsonBody());
        }
        try {
            JsonNode json = MockJson.MAPPER.readTree(body == null ? new byte[0] : body);
            if (json != null && json.isObject()) {
                return keepStubExtras(respond(method, (ObjectNode) json, encoding), stubbed);
            }
        } catch (IOException e) {
            // not JSON: served as written below
        }
        return stubbed;
    }

    /** A stub's own delay and extra headers survive the re-encoding of its body. */
    private static ResponseDefinition keepStubExtras(ResponseDefinition answer, ResponseDefinition stubbed) {
        ResponseDefinitionBuilder b = ResponseDefinitionBuilder.like(answer);
        if (stubbed.getFixedDelayMilliseconds() != null) {
            b.withFixedDelay(stubbed.getFixedDelayMilliseconds());
        }
        if (stubbed.getHeaders() != null) {
            for (HttpHeader h : stubbed.getHeaders().all()) {
                String k = h.key();
                if (!k.equalsIgnoreCase("Content-Type") && !k.equalsIgnoreCase("Content-Length")
                        && !k.equalsIgnoreCase("Transfer-Encoding")) {
                    b.withHeader(k, h.values().toArray(String[]::new));
                }
            }
        }
        return b.build();
    }

    private ObjectNode noExample(String method, Prefer prefer) {
        List<String> known = RecordedMappings.load().preferencesOf(ApiKind.DECTHINGS, method);
        String asked = prefer.example().map(e -> "example=" + e)
                .or(() -> prefer.code().map(c -> "code=" + c))
                .orElse("(no Prefer header)");
        return DecthingsErrors.invalidParameter("Prefer", "The mock has no recorded answer for " + asked
                + " on " + method + "; known: " + String.join(", ", known));
    }

    private ResponseDefinition simulate(String method, ObjectNode logical, Caller caller, DecthingsEncoding encoding) {
        try {
            // The model goes straight to bytes: a JSON tree in between cost more than the simulation itself.
            return respond(method, Caller.as(caller, () -> dispatcher.invoke(method, logical)), encoding);
        } catch (RequestMappingException e) {
            return respond(method, DecthingsErrors.invalidParameter(e.field(), e.getMessage()), encoding);
        } catch (RuntimeException e) {
            notifier.error("modelapi: the Decthings simulation failed on " + method, e);
            return DecthingsResponses.status(500);
        }
    }

    /** An answer ({@code result} or {@code error} envelope: a JSON tree or a generated response model). */
    private ResponseDefinition respond(String method, Object envelope, DecthingsEncoding encoding) {
        if (encoding == DecthingsEncoding.JSON) {
            return DecthingsResponses.ok(encoding, MockJson.bytes(envelope));
        }
        return DecthingsResponses.ok(encoding,
                DecthingsFraming.encodeResponse(blobMapping.forMethod(method), envelope));
    }

    private static final class BodyException extends Exception {
        BodyException(String message) {
            super(message);
        }
    }
}
