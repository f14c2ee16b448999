package dev.modelapi.conformance.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.checks.ExchangeRule;
import dev.modelapi.conformance.checks.Finding;
import dev.modelapi.conformance.checks.Findings;
import dev.modelapi.conformance.config.Transport;
import dev.modelapi.conformance.http.DecthingsAnswer;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.conformance.validation.SpecValidator;
import dev.modelapi.decthings.client.wire.BlobMapping;
import dev.modelapi.decthings.client.wire.OperationBlobs;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges one forwarded exchange with the suite's own rules: the request against the spec (what the client sent),
 * then every {@link ExchangeRule} on the answer (status, content type, schema, envelope, error union, no server
 * error, framing). Decthings bodies are judged as their logical JSON documents, framing decoded and blobs put back.
 * A judgement reads the request and the answer's status, Content-Type and body, nothing else, and is immutable
 * ({@link VerdictMemo} hands it out again for an identical exchange).
 */
final class TrafficJudge {

    /** The rule name of a request that breaks the spec. */
    static final String REQUEST_RULE = "request";
    /** The rule name of a request that is no operation of the spec. */
    static final String UNKNOWN_OPERATION_RULE = "unknown-operation";

    /**
     * What one exchange showed.
     *
     * @param operation  the operation, or null when the request is none
     * @param violations everything wrong, request first
     * @param examined   the rules that judged the answer, each with whether it found something
     */
    record Judgement(ApiOperation operation, List<Violation> violations, Map<CheckId, Boolean> examined) {
    }

    private static final Pattern POINTER = Pattern.compile("\\[at (/[^\\]]*)]");

    private final Map<Api, OperationLocator> locators = new EnumMap<>(Api.class);
    private final BlobMapping blobs = BlobMapping.load();
    private final List<ExchangeRule> rules = ExchangeRule.all();

    TrafficJudge() {
        for (Api api : Api.values()) {
            locators.put(api, new OperationLocator(api));
        }
    }

    Judgement judge(ForwardedExchange x) {
        Optional<ApiOperation> found = locators.get(x.api()).find(x.method(), x.path());
        if (found.isEmpty()) {
            return new Judgement(null, List.of(new Violation(x.api().key(), "-", UNKNOWN_OPERATION_RULE, "",
                    x.method() + " " + x.path() + " is no operation of the " + x.api().title() + " spec",
                    "an operation the spec declares", x.method() + " " + x.path(), x.method(), x.path(), x.status())),
                    Map.of());
        }
        ApiOperation op = found.get();
        // a Decthings request body as its logical document, decoded once for both the request and the answer rules
        DecthingsAnswer request = op.api() == Api.DECTHINGS && x.requestBody().length > 0
                ? DecthingsAnswer.ofRequest(blobsOf(op), x.requestContentType(), x.requestBody()) : null;
        List<Violation> violations = new ArrayList<>(requestViolations(op, x, request));
        Exchange exchange = exchange(op, x, request);
        Map<CheckId, Boolean> examined = new EnumMap<>(CheckId.class);
        for (ExchangeRule rule : rules) {
            if (!rule.appliesTo(op)) {
                continue;
            }
            Findings findings = new Findings(null);
            rule.judge(op, exchange, findings);
            if (findings.examinedCount() > 0 || !findings.isEmpty()) {
                examined.put(rule.id(), !findings.isEmpty());
            }
            for (Finding f : findings.list()) {
                violations.add(violation(x, op, rule.id().key(), f.problem(), f.expected(), f.actual()));
            }
        }
        return new Judgement(op, List.copyOf(violations), Collections.unmodifiableMap(examined));
    }

    private List<Violation> requestViolations(ApiOperation op, ForwardedExchange x, DecthingsAnswer request) {
        String body = null;
        String contentType = x.requestContentType();
        if (request != null) {
            if (request.json() == null) {
                return List.of(violation(x, op, REQUEST_RULE, "the request body cannot be read as a " + op.id()
                        + " request", "a JSON document, or the framing (varint JSON length, JSON, blobs)",
                        request.decodeError()));
            }
            body = request.json().toString();
            contentType = "application/json";
        } else if (x.requestBody().length > 0) {
            body = new String(x.requestBody(), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> headers = new HashMap<>();
        List<Violation> out = new ArrayList<>();
        for (String problem : SpecValidator.of(op.api()).requestProblems(x.method(), x.path(), x.query(), headers,
                contentType, body)) {
            out.add(violation(x, op, REQUEST_RULE, "the request does not match the spec of " + op.id(),
                    "a request valid against the spec", problem));
        }
        return out;
    }

    private Exchange exchange(ApiOperation op, ForwardedExchange x, DecthingsAnswer request) {
        JsonNode requestJson = null;
        JsonNode responseJson = null;
        String decodeError = null;
        int blobCount = -1;
        Transport transport = null;
        if (op.api() == Api.DECTHINGS) {
            transport = "application/octet-stream".equals(Exchange.mediaTypeOf(x.requestContentType()))
                    ? Transport.BINARY : Transport.JSON;
            requestJson = request == null ? null : request.json();
            if (x.status() < 500) {
                DecthingsAnswer answer = DecthingsAnswer.ofResponse(blobsOf(op), x.responseContentType(),
                        x.responseBody());
                responseJson = answer.json();
                decodeError = answer.decodeError();
                blobCount = answer.blobCount();
            }
        }
        Map<String, String> requestHeaders = x.requestContentType() == null ? Map.of()
                : Map.of("Content-Type", x.requestContentType());
        Map<String, String> responseHeaders = x.responseContentType() == null ? Map.of()
                : Map.of("content-type", x.responseContentType());
        return new Exchange(op, null, "forwarded", null, x.method(), URI.create("http://upstream" + x.path()),
                requestHeaders, x.requestBody(), requestJson, transport, x.status(), responseHeaders,
                x.responseBody(), responseJson, decodeError, blobCount, null, 0, 1);
    }

    private OperationBlobs blobsOf(ApiOperation op) {
        return blobs.forMethod(op.rpcName());
    }

    private static Violation violation(ForwardedExchange x, ApiOperation op, String rule, String problem,
                                       String expected, String actual) {
        Matcher m = POINTER.matcher(actual == null ? "" : actual);
        String pointer = m.find() ? m.group(1) : "";
        // the suite's problem texts start with the exchange's title ("getModels (forwarded) [..]: "); the proxy's
        // log names the operation itself
        String shortProblem = problem.replaceFirst("^\\S+ \\(forwarded\\)(?: \\[[a-z_]+])?: ", "");
        return new Violation(x.api().key(), op.id(), rule, pointer, shortProblem, expected, actual, x.method(),
                x.path(), x.status());
    }
}
