package dev.modelapi.mock.decthings.sim;

import dev.modelapi.decthings.server.model.CreateStateRequest;
import dev.modelapi.decthings.server.model.CreateStateResult;
import dev.modelapi.decthings.server.model.CreateStateSuccess;
import dev.modelapi.decthings.server.model.CreateStateSuccessDurations;
import dev.modelapi.decthings.server.model.CreatingState;
import dev.modelapi.decthings.server.model.ExecutionLocation;
import dev.modelapi.decthings.server.model.GetModelStateRequest;
import dev.modelapi.decthings.server.model.MountModel;
import dev.modelapi.decthings.server.model.MountedModel;
import dev.modelapi.decthings.server.model.StateKeyData;
import dev.modelapi.decthings.server.model.UploadStateMountModel;
import dev.modelapi.decthings.server.model.UploadStateRequest;
import dev.modelapi.decthings.server.model.WaitForStateToBeCreatedResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The model-state methods: create, upload, the creating ones, rename, activate, delete, read. */
final class StateOps {

    private final SimContext ctx;
    private final ModelOps models;

    StateOps(SimContext ctx, ModelOps models) {
        this.ctx = ctx;
        this.models = models;
    }

    /** Runs createModelState on the chosen launcher; the simulated code always succeeds. */
    CreateStateResult create(CreateStateRequest req) {
        ModelRecord m = ctx.writable(req.getModelId());
        if (m.basedOnSnapshot != null && Boolean.TRUE.equals(m.basedOnSnapshot.getNoLongerExists())) {
            throw SimError.of("snapshot_no_longer_exists");
        }
        ExecutionLocation location = Launchers.resolve(req.getExecutionLocation(), ctx.fixtures);
        List<MountedModel> mounted = new ArrayList<>();
        if (req.getMountModels() != null) {
            for (MountModel mm : req.getMountModels()) {
                mounted.add(mount(mm.getModelId(), mm.getStateId(), mm.getSnapshotId()));
            }
        }
        Map<String, List<byte[]>> params = Params.resolve(req.getParams(), m.definitions.getCreateState(),
                ctx.fixtures, "params");
        long now = ctx.tick();
        String id = ctx.ids().uuid();
        byte[] weights = new byte[128 + 16 * params.size()];
        ctx.ids().nextBytes(weights);
        m.states.put(id, new StateRecord(id, req.getName(), now, List.of(), mounted, Map.of("state.bin", weights)));

        CreateStateSuccessDurations d = new CreateStateSuccessDurations()
                .codeStartup(ctx.ids().nextLong(400, 3_000)).createState(ctx.ids().nextLong(300, 9_000));
        if (Launchers.needsNewLauncher(location)) {
            d.createLauncher(ctx.ids().nextLong(1_000, 6_000));
        }
        d.total(d.getCodeStartup() + d.getCreateState() + (d.getCreateLauncher() == null ? 0 : d.getCreateLauncher()));
        return new CreateStateResult().success(new CreateStateSuccess().stateId(id).durations(d));
    }

    String upload(UploadStateRequest req) {
        ModelRecord m = ctx.writable(req.getModelId());
        List<MountedModel> mounted = new ArrayList<>();
        if (req.getMountModels() != null) {
            for (UploadStateMountModel mm : req.getMountModels()) {
                mounted.add(mount(mm.getModelId(), null, mm.getSnapshotId()));
            }
        }
        List<String> toDelete = req.getDeleteStates() == null ? List.of() : req.getDeleteStates();
        for (String stateId : toDelete) {
            if (!m.states.containsKey(stateId)) {
                throw SimError.of("state_not_found");
            }
            if (stateId.equals(m.activeState)) {
                throw SimError.of("state_is_active");
            }
        }
        Map<String, byte[]> data = new LinkedHashMap<>();
        for (StateKeyData d : req.getData()) {
            data.put(d.getKey(), d.getData());
        }
        String id = ctx.ids().uuid();
        m.states.put(id, new StateRecord(id, req.getName(), ctx.tick(), List.of(), mounted, data));
        toDelete.forEach(m.states::remove);
        return id;
    }

    /** @throws SimError model_to_mount_not_found, state_for_…/snapshot_for_model_to_mount_not_found */
    private MountedModel mount(String modelId, String stateId, String snapshotId) {
        ModelRecord other = ctx.models.get(modelId);
        if (other == null || !other.visibleTo(dev.modelapi.mock.decthings.Caller.current())) {
            throw SimError.of("model_to_mount_not_found");
        }
        if (snapshotId != null && !other.snapshots.containsKey(snapshotId)) {
            throw SimError.of("snapshot_for_model_to_mount_not_found");
        }
        if (snapshotId == null && stateId != null && !other.states.containsKey(stateId)) {
            throw SimError.of("state_for_model_to_mount_not_found");
        }
        return new MountedModel().modelId(modelId).snapshotId(snapshotId);
    }

    /** Cancels the creation of a model's initial state: the model keeps an empty state instead. */
    void cancelCreating(String modelId, String stateId) {
        ModelRecord m = ctx.writable(modelId);
        if (m.creation != null && m.creation.stateId().equals(stateId)) {
            m.creation = null;
            String id = ctx.ids().uuid();
            m.states.put(id, new StateRecord(id, "Initial state", ctx.tick(), List.of(), List.of(), Map.of()));
            m.activeState = id;
            return;
        }
        throw SimError.of(m.states.containsKey(stateId) ? "state_already_created" : "state_not_found");
    }

    List<CreatingState> creating(String modelId) {
        ModelRecord m = ctx.readable(modelId);
        List<CreatingState> out = new ArrayList<>();
        if (m.creation != null) {
            out.add(new CreatingState().id(m.creation.stateId()).name(m.creation.stateName())
                    .startedAt(m.creation.startedAt()));
        }
        return out;
    }

    WaitForStateToBeCreatedResult waitFor(String modelId, String stateId) {
        ModelRecord m = ctx.readable(modelId);
        if (m.creation != null && m.creation.stateId().equals(stateId)) {
            models.finishCreation(m);
            long startup = ctx.ids().nextLong(400, 3_000);
            long create = ctx.ids().nextLong(300, 9_000);
            long launcher = ctx.ids().nextLong(1_000, 6_000);
            return new WaitForStateToBeCreatedResult().success(new CreateStateSuccess().stateId(stateId)
                    .durations(new CreateStateSuccessDurations().createLauncher(launcher).codeStartup(startup)
                            .createState(create).total(launcher + startup + create)));
        }
        throw SimError.of(m.states.containsKey(stateId) ? "state_already_created" : "state_not_found");
    }

    void rename(String modelId, String stateId, String name) {
        StateRecord s = state(ctx.writable(modelId), stateId);
        if (name != null) {
            s.name = name;
        }
        ctx.tick();
    }

    void activate(String modelId, String stateId) {
        ModelRecord m = ctx.writable(modelId);
        state(m, stateId);
        m.activeState = stateId;
        ctx.tick();
    }

    void delete(String modelId, String stateId) {
        ModelRecord m = ctx.writable(modelId);
        state(m, stateId);
        if (stateId.equals(m.activeState)) {
            throw SimError.of("state_is_active");
        }
        m.states.remove(stateId);
        ctx.tick();
    }

    List<StateKeyData> read(GetModelStateRequest req) {
        ModelRecord m = ctx.readable(req.getModelId());
        StateRecord s = state(m, req.getStateId() != null ? req.getStateId() : m.activeState);
        return StateRecord.select(s.data, req.getKeys());
    }

    private static StateRecord state(ModelRecord m, String stateId) {
        StateRecord s = stateId == null ? null : m.states.get(stateId);
        if (s == null) {
            throw SimError.of("state_not_found");
        }
        return s;
    }
}
