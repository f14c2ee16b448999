package dev.modelapi.conformance.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.checks.Findings;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.run.ConformanceRun;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static dev.modelapi.conformance.flows.DecthingsSteps.JSON;
import static dev.modelapi.conformance.flows.DecthingsSteps.byId;
import static dev.modelapi.conformance.flows.DecthingsSteps.expectError;
import static dev.modelapi.conformance.flows.DecthingsSteps.forModel;
import static dev.modelapi.conformance.flows.DecthingsSteps.succeeded;
import static dev.modelapi.conformance.flows.DecthingsSteps.text;

/**
 * The states of a model of the suite's own: uploadState → listed with its keys and sizes (and {@code deleteStates}
 * is atomic: an unknown state to delete aborts the upload) → createState → listed → setActiveModelState →
 * {@code activeState} → getModelState gives the active state's bytes, or the requested keys of a state →
 * updateModelState renames → deleteModelState refuses the active state ({@code state_is_active}) and deletes
 * another → gone ({@code state_not_found}).
 */
final class StateLifecycle {

    static final String UPLOAD = "uploadState";
    static final String CREATE = "createState";
    static final String ACTIVATE = "setActiveModelState";
    static final String READ = "getModelState";
    static final String RENAME = "updateModelState";
    static final String DELETE = "deleteModelState";
    static final String[] CELLS = {UPLOAD, CREATE, ACTIVATE, READ, RENAME, DELETE};

    private final ConformanceRun run;
    private final DecthingsSteps steps;
    private CellVerdicts answers;

    StateLifecycle(ConformanceRun run) {
        this.run = run;
        this.steps = new DecthingsSteps(run);
    }

    void run(FlowVerdicts verdicts) {
        CellVerdicts v = verdicts.of(CheckId.STATEFUL);
        answers = verdicts.of(CheckId.WRITE_ANSWER);
        if (run.config().readOnly()) {
            String reason = "read-only mode: the state lifecycle uploads and deletes states";
            v.skipRest(reason, CELLS);
            answers.skipRest(reason, UPLOAD, CREATE);
            return;
        }
        String model = steps.ownModel("states");
        JsonNode before = steps.model(model, "the model before its states change", v.at(UPLOAD));
        String initial = text(before, "activeState");

        Random random = new Random(run.seed() ^ 0x5747);
        Map<String, byte[]> data = new LinkedHashMap<>();
        data.put("conformance-a.bin", bytes(random, 24));
        data.put("conformance-b.bin", bytes(random, 300));
        String name = run.adapter().name("state-uploaded");
        String uploaded = upload(model, name, data, null, v.at(UPLOAD), answers.at(UPLOAD));
        String spare = upload(model, run.adapter().name("state-spare"), Map.of("conformance-c.bin", bytes(random, 8)),
                null, v.at(UPLOAD), null);
        atomicDelete(model, v.at(UPLOAD), spare);
        create(model, v.at(CREATE), answers.at(CREATE));
        if (uploaded == null) {
            v.skipRest("the uploaded state is missing, so the rest of the state lifecycle has nothing to work on",
                    ACTIVATE, READ, RENAME, DELETE);
            return;
        }
        activate(model, uploaded, v.at(ACTIVATE));
        read(model, uploaded, data, v.at(READ));
        rename(model, uploaded, v.at(RENAME));
        delete(model, uploaded, initial, v.at(DELETE));
    }

    /** uploadState; the answer's id must be a new state, listed with the name, keys and sizes it was given. */
    private String upload(String model, String name, Map<String, byte[]> data, String deleteState, Findings f,
                          Findings answer) {
        ObjectNode request = forModel(model).put("name", name);
        ArrayNode items = request.putArray("data");
        data.forEach((key, bytes) -> items.addObject().put("key", key)
                .put("data", Base64.getEncoder().encodeToString(bytes)));
        if (deleteState != null) {
            request.putArray("deleteStates").add(deleteState);
        }
        Exchange e = steps.call(UPLOAD, request, "upload the state " + name);
        if (!succeeded(e, f, "uploadState")) {
            return null;
        }
        String id = text(e.result(), "stateId");
        JsonNode m = steps.model(model, "read after uploadState", f);
        if (m == null) {
            return null;
        }
        JsonNode state = id == null ? null : byId(m.get("states"), id);
        JsonNode named = DecthingsSteps.find(m.get("states"), s -> name.equals(text(s, "name")));
        if (answer != null) {
            answer.examined();
        }
        if (state == null && named != null) {
            // stored, but the answer named another id
            (answer != null ? answer : f).add("the stateId that uploadState answered is not the id of the state it"
                    + " created", "stateId " + text(named, "id"), "stateId " + id, e);
        } else if (state == null) {
            f.add("the uploaded state is not listed", "a state named " + name + " (id " + id + ")",
                    "states " + ids(m.get("states")), e);
        } else {
            expectState(state, name, data, f, e);
        }
        return state == null ? null : id;
    }

    private static void expectState(JsonNode state, String name, Map<String, byte[]> data, Findings f, Exchange e) {
        if (!name.equals(text(state, "name"))) {
            f.add("the uploaded state is listed with another name", "name " + name, "name " + state.get("name"), e);
        }
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (JsonNode key : state.path("state")) {
            sizes.put(key.path("key").asText(), key.path("byteSize").asLong(-1));
        }
        Map<String, Long> expected = new LinkedHashMap<>();
        data.forEach((k, b) -> expected.put(k, (long) b.length));
        if (!sizes.equals(expected)) {
            f.add("the uploaded state does not list the keys and byte sizes it was uploaded with",
                    "state " + expected, "state " + sizes, e);
        }
    }

    /** "If either the upload or the delete fails, both … are aborted": an unknown state to delete aborts it. */
    private void atomicDelete(String model, Findings f, String spare) {
        String unknown = run.adapter().randomId();
        String name = run.adapter().name("state-aborted");
        ObjectNode request = forModel(model).put("name", name);
        request.putArray("data").addObject().put("key", "conformance-d.bin").put("data", "AAEC");
        request.putArray("deleteStates").add(unknown);
        Exchange e = steps.call(UPLOAD, request, "upload with an unknown state in deleteStates");
        expectError(e, "state_not_found", f, "uploadState with deleteStates naming a state that does not exist");
        JsonNode m = steps.model(model, "read after the aborted upload", f);
        if (m != null && DecthingsSteps.find(m.get("states"), s -> name.equals(text(s, "name"))) != null) {
            f.add("uploadState is atomic: when a state of deleteStates does not exist the new state must not be"
                    + " created", "no state named " + name, "states " + ids(m.get("states")), e);
        }
        if (spare == null) {
            return;
        }
        String replacing = run.adapter().name("state-replacing");
        String id = upload(model, replacing, Map.of("conformance-e.bin", new byte[] {7}), spare, f, null);
        JsonNode after = steps.model(model, "read after an upload that deletes a state", f);
        f.examined();
        if (id != null && after != null && byId(after.get("states"), spare) != null) {
            f.add("uploadState with deleteStates must delete those states", "state " + spare + " gone",
                    "states " + ids(after.get("states")), null);
        }
    }

    /** createState (no parameters, a temporary launcher); a created state is listed under the answered id. */
    private void create(String model, Findings f, Findings answer) {
        String name = run.adapter().name("state-created");
        ObjectNode request = forModel(model).put("name", name);
        request.putArray("params");
        ObjectNode location = request.putObject("executionLocation").put("type", "temporaryLauncher");
        location.putObject("spec").put("cpus", 1).put("memoryMebibytes", 1024);
        Exchange e = steps.call(CREATE, request, "create a state");
        if (!succeeded(e, f, "createState")) {
            answers.skip(CREATE, "createState did not succeed");
            return;
        }
        JsonNode success = e.result().get("success");
        if (success == null) {
            // the model's code may fail (a model without code on a real deployment): a legitimate answer
            answers.skip(CREATE, "createState answered result.failed: " + e.result().get("failed"));
            return;
        }
        String id = text(success, "stateId");
        JsonNode m = steps.model(model, "read after createState", f);
        if (m == null) {
            answers.skip(CREATE, "the model could not be read back");
            return;
        }
        answer.examined();
        JsonNode state = id == null ? null : byId(m.get("states"), id);
        JsonNode named = DecthingsSteps.find(m.get("states"), s -> name.equals(text(s, "name")));
        if (state == null && named != null) {
            answer.add("the stateId that createState answered is not the id of the state it created",
                    "stateId " + text(named, "id"), "stateId " + id, e);
        } else if (state == null) {
            f.add("the created state is not listed", "a state named " + name + " (id " + id + ")",
                    "states " + ids(m.get("states")), e);
        }
    }

    private void activate(String model, String state, Findings f) {
        Exchange e = steps.call(ACTIVATE, forModel(model).put("stateId", state), "activate the uploaded state");
        if (!succeeded(e, f, "setActiveModelState")) {
            return;
        }
        JsonNode m = steps.model(model, "read after setActiveModelState", f);
        if (m != null && !state.equals(text(m, "activeState"))) {
            f.add("setActiveModelState is not visible: activeState is not the state just activated",
                    "activeState " + state, "activeState " + m.get("activeState"), e);
        }
    }

    /** getModelState: without stateId the active state; with keys only those keys; an unknown key is refused. */
    private void read(String model, String state, Map<String, byte[]> data, Findings f) {
        Exchange active = steps.call(READ, forModel(model), "read the active state");
        f.examined();
        compare(active, data, "getModelState without stateId gives the active state", f);
        String key = data.keySet().iterator().next();
        ObjectNode oneKey = forModel(model).put("stateId", state);
        oneKey.putArray("keys").add(key);
        Exchange selected = steps.call(READ, oneKey, "read one key of the state");
        f.examined();
        compare(selected, Map.of(key, data.get(key)), "getModelState with keys gives exactly those keys", f);
        ObjectNode missing = forModel(model).put("stateId", state);
        missing.putArray("keys").add("conformance-no-such-key.bin");
        expectError(steps.call(READ, missing, "read a key the state does not have"), "state_key_not_found", f,
                "getModelState with a key the state does not have");
    }

    private static void compare(Exchange e, Map<String, byte[]> expected, String what, Findings f) {
        JsonNode items = e.result() == null ? null : e.result().get("data");
        if (items == null || !items.isArray()) {
            f.add(what + ": no state data came back", "result.data with keys " + expected.keySet(),
                    e.responseSummary(), e);
            return;
        }
        Map<String, byte[]> actual = new LinkedHashMap<>();
        items.forEach(i -> actual.put(i.path("key").asText(), decode(i.path("data").asText(""))));
        boolean same = actual.keySet().equals(expected.keySet())
                && expected.entrySet().stream().allMatch(x -> Arrays.equals(x.getValue(), actual.get(x.getKey())));
        if (!same) {
            f.add(what + ": other keys or bytes came back", describe(expected), describe(actual), e);
        }
    }

    private void rename(String model, String state, Findings f) {
        String name = run.adapter().name("state-renamed");
        ObjectNode request = forModel(model).put("stateId", state);
        request.putObject("properties").put("name", name);
        if (!succeeded(steps.call(RENAME, request, "rename the state"), f, "updateModelState")) {
            return;
        }
        JsonNode m = steps.model(model, "read after updateModelState", f);
        JsonNode s = m == null ? null : byId(m.get("states"), state);
        if (m != null && (s == null || !name.equals(text(s, "name")))) {
            f.add("updateModelState is not visible: the state does not have its new name", "name " + name,
                    s == null ? "the state is gone" : "name " + s.get("name"), null);
        }
    }

    /** The active state cannot be deleted; once another is active it can, and then it is gone. */
    private void delete(String model, String state, String initial, Findings f) {
        Exchange refused = steps.call(DELETE, forModel(model).put("stateId", state), "delete the active state");
        expectError(refused, "state_is_active", f, "deleteModelState of the active state");
        if (initial == null) {
            return;
        }
        steps.call(ACTIVATE, forModel(model).put("stateId", initial), "activate the initial state again");
        Exchange deleted = steps.call(DELETE, forModel(model).put("stateId", state), "delete the state");
        if (!succeeded(deleted, f, "deleteModelState of a state that is not active")) {
            return;
        }
        JsonNode m = steps.model(model, "read after deleteModelState", f);
        if (m != null && byId(m.get("states"), state) != null) {
            f.add("the deleted state is still listed", "no state " + state, "states " + ids(m.get("states")),
                    deleted);
        }
        expectError(steps.call(READ, forModel(model).put("stateId", state), "read the deleted state"),
                "state_not_found", f, "use-after-delete: getModelState of the deleted state");
        expectError(steps.call(DELETE, forModel(model).put("stateId", state), "delete the deleted state"),
                "state_not_found", f, "use-after-delete: deleteModelState of the deleted state");
    }

    static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String describe(Map<String, byte[]> data) {
        StringBuilder sb = new StringBuilder("{");
        data.forEach((k, b) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append(": ")
                .append(b == null ? "not base64" : BlobRoundTrip.describe(b)));
        return sb.append('}').toString();
    }

    static String ids(JsonNode array) {
        StringBuilder sb = new StringBuilder("[");
        if (array != null) {
            array.forEach(n -> sb.append(sb.length() > 1 ? ", " : "").append(n.path("id").asText())
                    .append(n.has("name") ? " (" + n.path("name").asText() + ")" : ""));
        }
        return sb.append(']').toString();
    }
}
