package dev.modelapi.conformance.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.checks.Findings;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.run.ConformanceRun;

import java.util.Random;

import static dev.modelapi.conformance.flows.DecthingsSteps.byId;
import static dev.modelapi.conformance.flows.DecthingsSteps.expectError;
import static dev.modelapi.conformance.flows.DecthingsSteps.forModel;
import static dev.modelapi.conformance.flows.DecthingsSteps.succeeded;
import static dev.modelapi.conformance.flows.DecthingsSteps.text;

/**
 * The snapshots of a model of the suite's own: snapshotModel → listed under the answered id with the active state's
 * keys → updateSnapshot renames → getSnapshotState gives the bytes of the state at snapshot time (also after the
 * model's active state changed: a snapshot is immutable) → createModel {@code basedOnModelSnapshot} (copy) and
 * {@code fromExisting} make models whose active state holds those bytes, {@code basedOnSnapshot} names the snapshot →
 * deleteSnapshot → no longer listed, {@code noLongerExists} on the based model, {@code snapshot_not_found}.
 */
final class SnapshotLifecycle {

    static final String SNAPSHOT = "snapshotModel";
    static final String RENAME = "updateSnapshot";
    static final String READ = "getSnapshotState";
    static final String DELETE = "deleteSnapshot";
    static final String CREATE_MODEL = "createModel";
    private static final String[] CELLS = {SNAPSHOT, RENAME, READ, DELETE, CREATE_MODEL};

    private final ConformanceRun run;
    private final DecthingsSteps steps;
    private CellVerdicts answers;

    SnapshotLifecycle(ConformanceRun run) {
        this.run = run;
        this.steps = new DecthingsSteps(run);
    }

    void run(FlowVerdicts verdicts) {
        CellVerdicts v = verdicts.of(CheckId.STATEFUL);
        answers = verdicts.of(CheckId.WRITE_ANSWER);
        if (run.config().readOnly()) {
            String reason = "read-only mode: the snapshot lifecycle creates snapshots and models";
            v.skipRest(reason, CELLS);
            answers.skipRest(reason, SNAPSHOT, CREATE_MODEL);
            return;
        }
        String model = steps.ownModel("snapshots");
        byte[] bytes = StateLifecycle.bytes(new Random(run.seed() ^ 0x5a4), 40);
        String key = "conformance-weights.bin";
        String state = activeUploadedState(model, key, bytes, v.at(SNAPSHOT));
        if (state == null) {
            v.skipRest("the model's state could not be prepared for the snapshot", CELLS);
            answers.skipRest("the model's state could not be prepared for the snapshot", SNAPSHOT, CREATE_MODEL);
            return;
        }
        String snapshot = snapshot(model, key, bytes.length, v.at(SNAPSHOT), answers.at(SNAPSHOT));
        if (snapshot == null) {
            String reason = "no snapshot to work on";
            v.skipRest(reason, RENAME, READ, DELETE, CREATE_MODEL);
            answers.skipRest(reason, CREATE_MODEL);
            return;
        }
        rename(model, snapshot, v.at(RENAME));
        // the model moves on; the snapshot must not
        activeUploadedState(model, key, new byte[] {1, 2, 3}, v.at(READ));
        read(model, snapshot, key, bytes, v.at(READ));
        String based = basedOn(model, snapshot, key, bytes, v.at(CREATE_MODEL), answers.at(CREATE_MODEL));
        fromExisting(model, snapshot, key, bytes, v.at(CREATE_MODEL));
        delete(model, snapshot, based, v.at(DELETE));
    }

    /** Uploads a state with one key and makes it the active one; returns its id or null. */
    private String activeUploadedState(String model, String key, byte[] bytes, Findings f) {
        ObjectNode upload = forModel(model).put("name", run.adapter().name("snapshot-state"));
        upload.putArray("data").addObject().put("key", key)
                .put("data", java.util.Base64.getEncoder().encodeToString(bytes));
        Exchange uploaded = steps.call("uploadState", upload, "upload the state to snapshot");
        String id = text(uploaded.result(), "stateId");
        if (id == null) {
            f.add("uploadState did not succeed on the suite's own model", "{\"result\": {\"stateId\": …}}",
                    uploaded.responseSummary(), uploaded);
            return null;
        }
        Exchange active = steps.call("setActiveModelState", forModel(model).put("stateId", id),
                "activate the state to snapshot");
        return active.result() == null ? null : id;
    }

    private String snapshot(String model, String key, long size, Findings f, Findings answer) {
        String name = run.adapter().name("snapshot");
        Exchange e = steps.call(SNAPSHOT, forModel(model).put("snapshotName", name), "snapshot the model");
        if (!succeeded(e, f, "snapshotModel")) {
            answers.skip(SNAPSHOT, "snapshotModel did not succeed");
            return null;
        }
        String id = text(e.result(), "snapshotId");
        JsonNode m = steps.model(model, "read after snapshotModel", f);
        if (m == null) {
            return null;
        }
        answer.examined();
        JsonNode snap = id == null ? null : byId(m.get("snapshots"), id);
        JsonNode named = DecthingsSteps.find(m.get("snapshots"), s -> name.equals(text(s, "name")));
        if (snap == null && named != null) {
            answer.add("the snapshotId that snapshotModel answered is not the id of the snapshot it made",
                    "snapshotId " + text(named, "id"), "snapshotId " + id, e);
            return null;
        }
        if (snap == null) {
            f.add("the snapshot is not listed in the model's snapshots", "a snapshot named " + name,
                    "snapshots " + StateLifecycle.ids(m.get("snapshots")), e);
            return null;
        }
        JsonNode keys = snap.path("state").path("state");
        JsonNode k = DecthingsSteps.find(keys, n -> key.equals(text(n, "key")));
        if (k == null || k.path("byteSize").asLong(-1) != size) {
            f.add("the snapshot does not hold the model's active state", "state.state [{key " + key
                    + ", byteSize " + size + "}]", "state.state " + keys, e);
        }
        return id;
    }

    private void rename(String model, String snapshot, Findings f) {
        String name = run.adapter().name("snapshot-renamed");
        ObjectNode request = forModel(model).put("snapshotId", snapshot);
        request.putObject("properties").put("name", name);
        if (!succeeded(steps.call(RENAME, request, "rename the snapshot"), f, "updateSnapshot")) {
            return;
        }
        JsonNode m = steps.model(model, "read after updateSnapshot", f);
        JsonNode s = m == null ? null : byId(m.get("snapshots"), snapshot);
        if (m != null && (s == null || !name.equals(text(s, "name")))) {
            f.add("updateSnapshot is not visible: the snapshot does not have its new name", "name " + name,
                    s == null ? "the snapshot is gone" : "name " + s.get("name"), null);
        }
    }

    private void read(String model, String snapshot, String key, byte[] bytes, Findings f) {
        ObjectNode request = forModel(model).put("snapshotId", snapshot);
        request.putArray("keys").add(key);
        Exchange e = steps.call(READ, request, "read the snapshot's state");
        f.examined();
        expectBytes(e, key, bytes, "getSnapshotState gives the bytes of the state at snapshot time", f);
        ObjectNode missing = forModel(model).put("snapshotId", snapshot);
        missing.putArray("keys").add("conformance-no-such-key.bin");
        expectError(steps.call(READ, missing, "read a key the snapshot does not have"), "state_key_not_found", f,
                "getSnapshotState with a key the snapshot's state does not have");
    }

    /** createModel basedOnModelSnapshot with the snapshot's state copied; returns the new model's id or null. */
    private String basedOn(String source, String snapshot, String key, byte[] bytes, Findings f, Findings answer) {
        ObjectNode request = steps.codeModelRequest(run.adapter().name("based-on-snapshot"));
        ObjectNode options = request.putObject("options").put("type", "basedOnModelSnapshot")
                .put("modelId", source).put("snapshotId", snapshot);
        options.putObject("initialState").put("method", "copy");
        Exchange e = steps.call(CREATE_MODEL, request, "create a model based on the snapshot");
        if (!succeeded(e, f, "createModel basedOnModelSnapshot (copy)")) {
            answers.skip(CREATE_MODEL, "createModel basedOnModelSnapshot did not succeed");
            return null;
        }
        String id = text(e.result(), "modelId");
        answer.examined();
        if (e.result().path("isNowCreating").asBoolean(false)) {
            answer.add("createModel basedOnModelSnapshot with initialState copy creates no state, yet it answered"
                    + " isNowCreating: true", "isNowCreating false (true only when a state is created or uploaded)",
                    e.result().toString(), e);
        }
        JsonNode m = id == null ? null : steps.model(id, "read the model based on the snapshot", answer);
        if (m == null) {
            return null;
        }
        JsonNode basedOn = m.get("basedOnSnapshot");
        if (basedOn == null || !source.equals(text(basedOn, "modelId")) || !snapshot.equals(text(basedOn, "snapshotId"))
                || basedOn.path("noLongerExists").asBoolean(true)) {
            f.add("a model based on a snapshot must say so in basedOnSnapshot", "basedOnSnapshot {modelId " + source
                    + ", snapshotId " + snapshot + ", noLongerExists false}", "basedOnSnapshot " + basedOn, e);
        }
        Exchange state = steps.call("getModelState", forModel(id), "read the based model's active state");
        expectBytes(state, key, bytes, "a model based on a snapshot (copy) starts with the snapshot's state", f);
        return id;
    }

    private void fromExisting(String source, String snapshot, String key, byte[] bytes, Findings f) {
        ObjectNode request = steps.codeModelRequest(run.adapter().name("from-existing"));
        request.putObject("options").put("type", "fromExisting").put("modelId", source).put("snapshotId", snapshot);
        Exchange e = steps.call(CREATE_MODEL, request, "copy the model at the snapshot");
        if (!succeeded(e, f, "createModel fromExisting")) {
            return;
        }
        String id = text(e.result(), "modelId");
        if (id != null) {
            Exchange state = steps.call("getModelState", forModel(id), "read the copy's active state");
            expectBytes(state, key, bytes, "a copy of a model at a snapshot starts with the snapshot's state", f);
        }
    }

    private void delete(String model, String snapshot, String based, Findings f) {
        Exchange e = steps.call(DELETE, forModel(model).put("snapshotId", snapshot), "delete the snapshot");
        if (!succeeded(e, f, "deleteSnapshot")) {
            return;
        }
        JsonNode m = steps.model(model, "read after deleteSnapshot", f);
        if (m != null && byId(m.get("snapshots"), snapshot) != null) {
            f.add("the deleted snapshot is still listed", "no snapshot " + snapshot,
                    "snapshots " + StateLifecycle.ids(m.get("snapshots")), e);
        }
        if (based != null) {
            JsonNode b = steps.model(based, "read the based model after deleteSnapshot", f);
            if (b != null && !b.path("basedOnSnapshot").path("noLongerExists").asBoolean(false)) {
                f.add("after deleteSnapshot, the model based on it must report basedOnSnapshot.noLongerExists",
                        "noLongerExists true", "basedOnSnapshot " + b.get("basedOnSnapshot"), e);
            }
        }
        ObjectNode read = forModel(model).put("snapshotId", snapshot);
        read.putArray("keys");
        expectError(steps.call(READ, read, "read the deleted snapshot"), "snapshot_not_found", f,
                "use-after-delete: getSnapshotState of the deleted snapshot");
        expectError(steps.call(DELETE, forModel(model).put("snapshotId", snapshot), "delete the deleted snapshot"),
                "snapshot_not_found", f, "use-after-delete: deleteSnapshot of the deleted snapshot");
    }

    static void expectBytes(Exchange e, String key, byte[] bytes, String what, Findings f) {
        f.examined();
        JsonNode items = e.result() == null ? null : e.result().get("data");
        JsonNode item = DecthingsSteps.find(items, n -> key.equals(text(n, "key")));
        byte[] actual = null;
        if (item != null) {
            try {
                actual = java.util.Base64.getDecoder().decode(item.path("data").asText(""));
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
        }
        if (actual == null || !java.util.Arrays.equals(actual, bytes)) {
            f.add(what, key + ": " + BlobRoundTrip.describe(bytes),
                    actual == null ? e.responseSummary() : key + ": " + BlobRoundTrip.describe(actual), e);
        }
    }

}
