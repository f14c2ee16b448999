package dev.modelapi.conformance.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.checks.Findings;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.run.ConformanceRun;

import java.util.Base64;

import static dev.modelapi.conformance.flows.DecthingsSteps.expectError;
import static dev.modelapi.conformance.flows.DecthingsSteps.find;
import static dev.modelapi.conformance.flows.DecthingsSteps.forModel;
import static dev.modelapi.conformance.flows.DecthingsSteps.succeeded;
import static dev.modelapi.conformance.flows.DecthingsSteps.text;

/**
 * Models whose initial state is created or uploaded ({@code createModel basedOnModelSnapshot} with
 * {@code initialState.method} create/upload): the answer says {@code isNowCreating: true}, the model is
 * {@code beingCreated} and getCreatingStates lists the state; waitForModelToBeCreated (upload) and
 * waitForStateToBeCreated (create) report the outcome, after which the state is the active one, nothing is being
 * created, and waiting again gives {@code model_already_created} / {@code state_already_created};
 * cancelCreateState stops a creation (it is no longer listed and never succeeds).
 */
final class CreationLifecycle {

    static final String CREATE_MODEL = "createModel";
    static final String CREATING = "getCreatingStates";
    static final String WAIT_MODEL = "waitForModelToBeCreated";
    static final String WAIT_STATE = "waitForStateToBeCreated";
    static final String CANCEL = "cancelCreateState";
    private static final String[] CELLS = {CREATE_MODEL, CREATING, WAIT_MODEL, WAIT_STATE, CANCEL};

    private final ConformanceRun run;
    private final DecthingsSteps steps;

    CreationLifecycle(ConformanceRun run) {
        this.run = run;
        this.steps = new DecthingsSteps(run);
    }

    void run(FlowVerdicts verdicts) {
        CellVerdicts v = verdicts.of(CheckId.STATEFUL);
        CellVerdicts answers = verdicts.of(CheckId.WRITE_ANSWER);
        if (run.config().readOnly()) {
            String reason = "read-only mode: the creation lifecycle creates models";
            v.skipRest(reason, CELLS);
            answers.skipRest(reason, CREATE_MODEL);
            return;
        }
        String source = steps.ownModel("creation-source");
        Exchange snap = steps.call("snapshotModel", forModel(source).put("snapshotName", run.adapter().name("base")),
                "snapshot the source model");
        String snapshot = text(snap.result(), "snapshotId");
        if (snapshot == null) {
            String reason = "the source model could not be snapshotted: " + snap.responseSummary();
            v.skipRest(reason, CELLS);
            answers.skipRest(reason, CREATE_MODEL);
            return;
        }
        uploaded(source, snapshot, v, answers.at(CREATE_MODEL));
        created(source, snapshot, v, answers.at(CREATE_MODEL));
        canceled(source, snapshot, v);
    }

    /** initialState upload → waitForModelToBeCreated → the uploaded bytes are the active state. */
    private void uploaded(String source, String snapshot, CellVerdicts v, Findings answer) {
        byte[] bytes = {4, 8, 15, 16, 23, 42};
        String stateName = run.adapter().name("initial-uploaded");
        ObjectNode initial = object().put("method", "upload").put("name", stateName);
        initial.putArray("data").addObject().put("key", "conformance-initial.bin")
                .put("data", Base64.getEncoder().encodeToString(bytes));
        String model = startCreating(source, snapshot, initial, "upload", v.at(CREATE_MODEL), answer);
        if (model == null) {
            return;
        }
        creatingListed(model, stateName, v.at(CREATING));
        Findings fw = v.at(WAIT_MODEL);
        Exchange waited = steps.call(WAIT_MODEL, forModel(model), "wait for the model to be created");
        if (!succeeded(waited, fw, WAIT_MODEL)) {
            return;
        }
        if (waited.result().get("createModelSuccess") == null) {
            v.skip(WAIT_MODEL, "the initial state was not created on the target: " + waited.result());
            return;
        }
        JsonNode m = steps.model(model, "read after waitForModelToBeCreated", fw);
        if (m != null && m.path("beingCreated").asBoolean(false)) {
            fw.add("after waitForModelToBeCreated reported success the model is still beingCreated",
                    "beingCreated false", "beingCreated true", waited);
        }
        Exchange state = steps.call("getModelState", forModel(model), "read the uploaded initial state");
        SnapshotLifecycle.expectBytes(state, "conformance-initial.bin", bytes,
                "the uploaded initial state is the model's active state", fw);
        expectError(steps.call(WAIT_MODEL, forModel(model), "wait again"), "model_already_created", fw,
                "waitForModelToBeCreated on a model that is created");
        nothingCreating(model, v.at(CREATING));
    }

    /** initialState create → waitForStateToBeCreated on the listed state → it is the active state. */
    private void created(String source, String snapshot, CellVerdicts v, Findings answer) {
        String model = startCreating(source, snapshot, createInitial(), "create", v.at(CREATE_MODEL), answer);
        if (model == null) {
            return;
        }
        String state = creatingListed(model, null, v.at(CREATING));
        Findings fw = v.at(WAIT_STATE);
        if (state == null) {
            v.skip(WAIT_STATE, "getCreatingStates listed no state to wait for");
            return;
        }
        Exchange waited = steps.call(WAIT_STATE, forModel(model).put("stateId", state), "wait for the state");
        if (!succeeded(waited, fw, WAIT_STATE)) {
            return;
        }
        JsonNode success = waited.result().get("success");
        if (success == null) {
            v.skip(WAIT_STATE, "the state was not created on the target: " + waited.result());
            return;
        }
        if (!state.equals(text(success, "stateId"))) {
            fw.add("waitForStateToBeCreated reports another state than the one waited for", "stateId " + state,
                    "stateId " + success.get("stateId"), waited);
        }
        JsonNode m = steps.model(model, "read after waitForStateToBeCreated", fw);
        if (m != null && DecthingsSteps.byId(m.get("states"), state) == null) {
            fw.add("the created initial state is not listed after waitForStateToBeCreated", "a state " + state,
                    "states " + StateLifecycle.ids(m.get("states")), waited);
        }
        expectError(steps.call(WAIT_STATE, forModel(model).put("stateId", state), "wait for it again"),
                "state_already_created", fw, "waitForStateToBeCreated on a state that is created");
    }

    /** initialState create → cancelCreateState → no longer listed, and waiting never gives success. */
    private void canceled(String source, String snapshot, CellVerdicts v) {
        Findings fc = v.at(CANCEL);
        String model = startCreating(source, snapshot, createInitial(), "create (to cancel)", fc, null);
        if (model == null) {
            return;
        }
        String state = creatingListed(model, null, v.at(CREATING));
        if (state == null) {
            v.skip(CANCEL, "getCreatingStates listed no state to cancel");
            return;
        }
        Exchange canceled = steps.call(CANCEL, forModel(model).put("stateId", state), "cancel the creation");
        if ("state_already_created".equals(canceled.errorCode())) {
            v.skip(CANCEL, "the state was created before it could be canceled");
            return;
        }
        if (!succeeded(canceled, fc, CANCEL)) {
            return;
        }
        Exchange creating = steps.call(CREATING, forModel(model), "list what is being created after the cancel");
        fc.examined();
        if (find(creating.result() == null ? null : creating.result().get("states"),
                s -> state.equals(text(s, "id"))) != null) {
            fc.add("a canceled state creation is still listed by getCreatingStates", "no state " + state,
                    creating.responseSummary(), creating);
        }
        Exchange waited = steps.call(WAIT_STATE, forModel(model).put("stateId", state), "wait for the canceled state");
        fc.examined();
        if (waited.result() != null && waited.result().get("success") != null) {
            fc.add("a canceled state creation must not succeed", "result.failed (cancelled) or state_not_found",
                    waited.responseSummary(), waited);
        }
    }

    private ObjectNode createInitial() {
        ObjectNode initial = object().put("method", "create").put("name", run.adapter().name("initial-created"));
        initial.putArray("params");
        initial.putObject("launcherSpec").put("cpus", 1).put("memoryMebibytes", 1024);
        return initial;
    }

    /** createModel basedOnModelSnapshot with this initial state; the answer must say isNowCreating: true. */
    private String startCreating(String source, String snapshot, ObjectNode initial, String how, Findings f,
                                 Findings answer) {
        ObjectNode request = steps.codeModelRequest(run.adapter().name("initial-" + how.replace(' ', '-')
                .replace("(", "").replace(")", "")));
        request.putObject("options").put("type", "basedOnModelSnapshot").put("modelId", source)
                .put("snapshotId", snapshot).set("initialState", initial);
        Exchange e = steps.call(CREATE_MODEL, request, "create a model whose initial state is " + how + "d");
        if (!succeeded(e, f, "createModel basedOnModelSnapshot (initial state " + how + ")")) {
            return null;
        }
        String id = text(e.result(), "modelId");
        if (answer != null) {
            answer.examined();
            if (!e.result().path("isNowCreating").asBoolean(false)) {
                answer.add("createModel with an initial state to " + how.split(" ")[0] + " must answer isNowCreating:"
                        + " true", "isNowCreating true", e.result().toString(), e);
            }
            if (id != null && steps.model(id, "read the model being created", answer) == null) {
                return null;
            }
        }
        return id;
    }

    /** getCreatingStates lists one state (named {@code name} when given); returns its id or null. */
    private String creatingListed(String model, String name, Findings f) {
        Exchange e = steps.call(CREATING, forModel(model), "list the states being created");
        if (!succeeded(e, f, CREATING)) {
            return null;
        }
        JsonNode states = e.result().get("states");
        JsonNode state = find(states, s -> name == null || name.equals(text(s, "name")));
        if (state == null) {
            // the state may already be created (a fast target): then the model is no longer being created
            JsonNode m = steps.model(model, "read the model whose state is not listed", null);
            if (m == null || m.path("beingCreated").asBoolean(false)) {
                f.add("a model being created must have its initial state listed by getCreatingStates",
                        name == null ? "one state" : "a state named " + name, e.responseSummary(), e);
            }
            return null;
        }
        return text(state, "id");
    }

    private void nothingCreating(String model, Findings f) {
        Exchange e = steps.call(CREATING, forModel(model), "list the states being created after the wait");
        f.examined();
        JsonNode states = e.result() == null ? null : e.result().get("states");
        if (states == null || !states.isEmpty()) {
            f.add("after the model was created nothing is being created any more", "states []",
                    e.responseSummary(), e);
        }
    }

    private static ObjectNode object() {
        return DecthingsSteps.JSON.objectNode();
    }
}
