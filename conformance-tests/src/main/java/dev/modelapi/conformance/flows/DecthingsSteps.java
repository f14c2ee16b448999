package dev.modelapi.conformance.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.checks.Findings;
import dev.modelapi.conformance.http.Call;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.http.Intent;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.run.Fixtures;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.SpecCatalog;
import org.opentest4j.TestAbortedException;

import java.util.Map;
import java.util.function.Predicate;

/** The Decthings calls the flows share: one method call, a model of the flow's own, reading a model back. */
final class DecthingsSteps {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final String CREATE = "createModel";
    static final String LIST = "getModels";

    private final ConformanceRun run;
    private final SpecCatalog catalog = SpecCatalog.of(Api.DECTHINGS);

    DecthingsSteps(ConformanceRun run) {
        this.run = run;
    }

    /** Calls a method as a step of a flow (valid request, configured transport). */
    Exchange call(String method, ObjectNode request, String description) {
        return run.decthings().call(catalog.operation(method), request, Call.of(Intent.FLOW, description));
    }

    /** {@code {"modelId": id}} plus more fields. */
    static ObjectNode forModel(String modelId) {
        return JSON.objectNode().put("modelId", modelId);
    }

    /**
     * The {@code createModel} request of the spec's {@code success} example (a model from code) with a name of the
     * run's own.
     */
    ObjectNode codeModelRequest(String name) {
        ObjectNode request = (ObjectNode) run.adapter().adapt(Fixtures.successExample(catalog.operation(CREATE)),
                Map.of(), true, true);
        request.put("name", name);
        return request;
    }

    /**
     * Creates a model of the flow's own (from code) and returns its id; the run deletes it at the end.
     *
     * @throws TestAbortedException when the target does not create it (the flow's cells are then skipped)
     */
    String ownModel(String purpose) {
        String name = run.adapter().name(purpose);
        Exchange e = call(CREATE, codeModelRequest(name), "create the " + purpose + " model");
        String id = text(e.result(), "modelId");
        if (id == null) {
            throw new TestAbortedException("the " + purpose + " model could not be created: " + e.responseSummary());
        }
        return id;
    }

    /** getModels with {@code filter.ids = [id]}. */
    Exchange readModel(String id, String description) {
        ObjectNode request = JSON.objectNode();
        request.putObject("filter").putArray("ids").add(id);
        return call(LIST, request, description);
    }

    /** The model as getModels shows it, or null (a finding in {@code f} says why). */
    JsonNode model(String id, String description, Findings f) {
        Exchange e = readModel(id, description);
        JsonNode m = findModel(e, id);
        if (m == null && f != null) {
            f.add(description + ": getModels with filter.ids does not return the suite's model",
                    "result.models contains id " + id, e.responseSummary(), e);
        }
        return m;
    }

    static JsonNode findModel(Exchange e, String id) {
        return find(e.result() == null ? null : e.result().get("models"), m -> id.equals(text(m, "id")));
    }

    /** The first element of an array that matches, or null. */
    static JsonNode find(JsonNode array, Predicate<JsonNode> test) {
        if (array != null && array.isArray()) {
            for (JsonNode n : array) {
                if (test.test(n)) {
                    return n;
                }
            }
        }
        return null;
    }

    /** Whether an array of strings holds {@code value}. */
    static boolean contains(JsonNode array, String value) {
        return find(array, n -> value.equals(n.asText(null))) != null;
    }

    /** The element of {@code array} whose {@code id} is {@code id}, or null. */
    static JsonNode byId(JsonNode array, String id) {
        return find(array, n -> id.equals(text(n, "id")));
    }

    /** A text field, or null when absent or not text. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /** {@code {"error": {"code": "<code>"}}}, for findings. */
    static String errorOf(String code) {
        return "{\"error\": {\"code\": \"" + code + "\"}}";
    }

    /** Adds a finding unless the exchange succeeded ({@code result} present); returns whether it succeeded. */
    static boolean succeeded(Exchange e, Findings f, String what) {
        f.examined();
        if (e.result() == null) {
            f.add(what + " did not succeed on the suite's own resource", "{\"result\": …}", e.responseSummary(), e);
            return false;
        }
        return true;
    }

    /** Adds a finding unless the exchange gave {@code code}. */
    static void expectError(Exchange e, String code, Findings f, String what) {
        f.examined();
        if (!code.equals(e.errorCode())) {
            f.add(what + " must give " + code, errorOf(code), e.responseSummary(), e);
        }
    }
}
