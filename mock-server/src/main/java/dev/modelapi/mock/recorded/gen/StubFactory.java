package dev.modelapi.mock.recorded.gen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.mock.recorded.StubKind;
import dev.modelapi.mock.recorded.StubParameters;
import dev.modelapi.mock.recorded.StubPriorities;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The WireMock stubs of one operation, from its spec examples:
 * <ul>
 *   <li>one {@code Prefer: example=<name>} stub per named example;</li>
 *   <li>one {@code Prefer: code=<x>} stub per Decthings error code (the example named after it), per HTTP status
 *       (the status's first example; {@code success} for 2xx), and for Decthings {@code code=200};</li>
 *   <li>one default stub (no Prefer) serving the success example, loaded in recorded mode only.</li>
 * </ul>
 */
final class StubFactory {

    private final ObjectMapper json;

    StubFactory(ObjectMapper json) {
        this.json = json;
    }

    ArrayNode stubsFor(SpecOperation op) {
        ArrayNode stubs = json.createArrayNode();
        Set<String> codes = new LinkedHashSet<>();
        for (SpecExample ex : op.examples()) {
            if (ex.name() != null) {
                stubs.add(stub(op, StubKind.EXAMPLE, ex.name(), preferRegex("example", ex.name()), ex));
            }
            String code = ex.errorCode();
            if (code != null && code.equals(ex.name()) && codes.add(code)) {
                stubs.add(stub(op, StubKind.CODE, code, preferRegex("code", code), ex));
            }
        }
        for (SpecExample ex : statusExamples(op)) {
            String status = Integer.toString(ex.status());
            if (codes.add(status)) {
                stubs.add(stub(op, StubKind.CODE, status, preferRegex("code", status), ex));
            }
        }
        successExample(op).ifPresent(ex -> stubs.add(stub(op, StubKind.DEFAULT, "default", null, ex)));
        return stubs;
    }

    /** Per status, the example that {@code code=<status>} serves: {@code success} if there is one, else the first. */
    private static List<SpecExample> statusExamples(SpecOperation op) {
        List<SpecExample> out = new ArrayList<>();
        Set<Integer> seen = new LinkedHashSet<>();
        op.examples().stream().filter(ex -> "success".equals(ex.name())).forEach(ex -> {
            seen.add(ex.status());
            out.add(ex);
        });
        for (SpecExample ex : op.examples()) {
            if (seen.add(ex.status())) {
                out.add(ex);
            }
        }
        return out;
    }

    private static java.util.Optional<SpecExample> successExample(SpecOperation op) {
        return op.examples().stream().filter(ex -> ex.status() / 100 == 2 && "success".equals(ex.name())).findFirst()
                .or(() -> op.examples().stream().filter(ex -> ex.status() / 100 == 2).findFirst());
    }

    private ObjectNode stub(SpecOperation op, StubKind kind, String label, String preferRegex, SpecExample ex) {
        String name = op.api().wireName() + " " + op.operationId() + " " + kind.wireName() + " " + label;
        ObjectNode stub = json.createObjectNode();
        stub.put("id", UUID.nameUUIDFromBytes(("modelapi:" + name).getBytes(StandardCharsets.UTF_8)).toString());
        stub.put("name", name);
        stub.put("priority", StubPriorities.of(kind));

        ObjectNode request = stub.putObject("request");
        request.put("method", op.httpMethod());
        if (op.templated()) {
            request.put("urlPathPattern", op.urlPathRegex());
        } else {
            request.put("urlPath", op.urlPath());
        }
        if (preferRegex != null) {
            request.putObject("headers").putObject("Prefer").put("matches", preferRegex);
        }

        ObjectNode response = stub.putObject("response");
        response.put("status", ex.status());
        if (ex.hasBody()) {
            response.putObject("headers").put("Content-Type", ex.contentType());
            if (ex.value().isTextual() && !ex.contentType().contains("json")) {
                response.put("body", ex.value().asText());
            } else {
                response.set("jsonBody", ex.value());
            }
        }
        String served = ex.name() != null ? ex.name() : label;
        response.set("transformerParameters", json.valueToTree(StubParameters.forStub(op.api(),
                StubParameters.Role.CANNED, op.operationId(), served, kind)));

        ObjectNode meta = stub.putObject("metadata").putObject(StubParameters.KEY);
        meta.put("api", op.api().wireName());
        meta.put("operation", op.operationId());
        meta.put("kind", kind.wireName());
        meta.put("prefer", kind == StubKind.DEFAULT ? "" : (kind == StubKind.EXAMPLE ? "example=" : "code=") + label);
        if (ex.name() != null) {
            meta.put("example", ex.name());
        }
        return stub;
    }

    /** Matches a Prefer header holding {@code key=value} (optionally quoted) among other preferences. */
    static String preferRegex(String key, String value) {
        return "(?i)^(?:.*[,;\\s])?" + key + "=\"?" + Pattern.quote(value) + "\"?(?:[,;\\s].*)?$";
    }

}
