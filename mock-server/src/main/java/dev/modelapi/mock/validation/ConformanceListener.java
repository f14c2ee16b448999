package dev.modelapi.mock.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.modelapi.decthings.client.wire.BlobMapping;
import dev.modelapi.decthings.client.wire.OperationBlobs;
import dev.modelapi.decthings.client.wire.ResponseFrame;
import dev.modelapi.mock.decthings.DecthingsPaths;
import dev.modelapi.mock.http.MockJson;
import dev.modelapi.mock.http.Prefer;
import dev.modelapi.spec.ModelApiSpec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Validates every response the mock serves against the spec (swagger-request-validator, with the same settings as
 * request validation), before it is sent, and keeps the ones that do not conform. Framed Decthings answers are decoded
 * to their logical JSON first and validated against the {@code application/json} schema.
 *
 * <p>Not checked: injected faults (they break the protocol on purpose), and paths the spec does not have (user
 * stubs, the 404 of unknown Decthings methods). A Decthings 500 is declared by the spec, but the mock only answers
 * it when the simulation fails or the client asked for it ({@code Prefer: code=500}), so other 500s are reported.
 */
public final class ConformanceListener implements ServeEventListener {

    private static final int MAX_BODY_IN_REPORT = 2_000;

    private final BlobMapping blobMapping;
    private final List<ServedViolation> violations = new CopyOnWriteArrayList<>();

    public ConformanceListener(BlobMapping blobMapping) {
        this.blobMapping = blobMapping;
    }

    @Override
    public String getName() {
        return "modelapi-conformance";
    }

    @Override
    public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
        LoggedResponse response = serveEvent.getResponse();
        if (response == null || response.getFault() != null) {
            return;
        }
        Request request = serveEvent.getRequest();
        String path = DecthingsPaths.pathOf(request.getUrl());
        String method = request.getMethod().getName();
        try {
            check(request, method, path, response).ifPresent(violations::add);
        } catch (RuntimeException e) {
            violations.add(new ServedViolation(method + " " + path, response.getStatus(), shorten(response),
                    List.of(new Violation("", "Could not validate: " + e, "modelapi.listener.exception"))));
        }
    }

    /** Every non-conformant response served so far. */
    public List<ServedViolation> violations() {
        return List.copyOf(violations);
    }

    /** Returns and forgets the violations recorded so far. */
    public synchronized List<ServedViolation> drain() {
        List<ServedViolation> out = new ArrayList<>(violations);
        violations.removeAll(out);
        return out;
    }

    private Optional<ServedViolation> check(Request request, String method, String path, LoggedResponse response) {
        int status = response.getStatus();
        if (DecthingsPaths.isDecthings(path)) {
            Optional<String> op = DecthingsPaths.method(path).filter(m -> blobMapping.find(m).isPresent());
            if (op.isEmpty() || !"POST".equals(method)) {
                return Optional.empty(); // not an operation of the spec
            }
            String body = null;
            String contentType = null;
            if (response.getBody() != null && response.getBody().length > 0) {
                contentType = "application/json";
                body = logicalBody(op.get(), response);
            }
            List<Violation> found = new ArrayList<>(SpecValidator.of(ModelApiSpec.DECTHINGS)
                    .validateResponse(method, path, status, contentType, body));
            if (status == 500 && !askedFor500(request)) {
                found.add(new Violation("", "The mock failed internally (see its log)", "modelapi.unexpected500"));
            }
            return report(method, path, status, body, found);
        }
        String contentType = header(response, "Content-Type");
        byte[] bytes = response.getBody();
        String body = bytes == null || bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
        List<Violation> found = SpecValidator.of(ModelApiSpec.PIECES)
                .validateResponse(method, path, status, body == null ? null : contentType, body);
        if (found.stream().anyMatch(v -> v.key().equals("validation.request.path.missing")
                || v.key().equals("validation.request.operation.notAllowed"))) {
            return Optional.empty(); // not an operation of the spec
        }
        return report(method, path, status, body, found);
    }

    private String logicalBody(String method, LoggedResponse response) {
        String contentType = Optional.ofNullable(header(response, "Content-Type")).orElse("")
                .toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/octet-stream")) {
            return response.getBodyAsString();
        }
        OperationBlobs blobs = blobMapping.forMethod(method);
        ResponseFrame frame = ResponseFrame.decode(response.getBody());
        try {
            ObjectNode wire = MockJson.object(frame.jsonBytes());
            return blobs.joinResponse(wire, frame.blobs()).toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("framed answer whose JSON part is not an object", e);
        }
    }

    private static boolean askedFor500(Request request) {
        return Prefer.of(request).code().filter("500"::equals).isPresent();
    }

    private static Optional<ServedViolation> report(String method, String path, int status, String body,
                                                    List<Violation> found) {
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String shown = body == null ? "" : body.length() > MAX_BODY_IN_REPORT
                ? body.substring(0, MAX_BODY_IN_REPORT) + "…" : body;
        return Optional.of(new ServedViolation(method + " " + path, status, shown, List.copyOf(found)));
    }

    private static String shorten(LoggedResponse response) {
        String b = response.getBodyAsString();
        return b == null ? "" : b.length() > MAX_BODY_IN_REPORT ? b.substring(0, MAX_BODY_IN_REPORT) + "…" : b;
    }

    private static String header(LoggedResponse response, String name) {
        if (response.getHeaders() == null) {
            return null;
        }
        HttpHeader h = response.getHeaders().getHeader(name);
        return h.isPresent() ? h.firstValue() : null;
    }
}
