package dev.modelapi.mock.decthings.sim;

import dev.modelapi.decthings.server.model.StateKeyData;

import java.util.List;
import java.util.Map;

/** snapshotModel, updateSnapshot, deleteSnapshot, getSnapshotState. */
final class SnapshotOps {

    /** Snapshots one model may keep; the next one is quota_exceeded. */
    static final int MAX_SNAPSHOTS_PER_MODEL = 100;

    private final SimContext ctx;

    SnapshotOps(SimContext ctx) {
        this.ctx = ctx;
    }

    String snapshot(String modelId, String name) {
        ModelRecord m = ctx.writable(modelId);
        if (m.snapshots.size() >= MAX_SNAPSHOTS_PER_MODEL) {
            throw SimError.of("quota_exceeded");
        }
        StateRecord active = m.activeStateRecord();
        if (active == null) { // the initial state is still being created: the snapshot holds an empty state
            active = new StateRecord("", "Initial state", ctx.clock().now(), List.of(), List.of(), Map.of());
        }
        String id = ctx.ids().uuid();
        m.snapshots.put(id, new SnapshotRecord(id, name, ctx.tick(), m, active));
        return id;
    }

    void rename(String modelId, String snapshotId, String name) {
        SnapshotRecord s = snapshot(ctx.writable(modelId), snapshotId);
        if (name != null) {
            s.name = name;
        }
        ctx.tick();
    }

    void delete(String modelId, String snapshotId) {
        ModelRecord m = ctx.writable(modelId);
        snapshot(m, snapshotId);
        m.snapshots.remove(snapshotId);
        for (ModelRecord other : ctx.models.values()) {
            if (other.basedOnSnapshot != null && other.basedOnSnapshot.getModelId().equals(m.id)
                    && other.basedOnSnapshot.getSnapshotId().equals(snapshotId)) {
                other.basedOnSnapshot = ModelRecord.snapshotGone(other.basedOnSnapshot);
            }
        }
        ctx.tick();
    }

    List<StateKeyData> read(String modelId, String snapshotId, List<String> keys) {
        SnapshotRecord s = snapshot(ctx.readable(modelId), snapshotId);
        return StateRecord.select(s.stateData, keys);
    }

    private static SnapshotRecord snapshot(ModelRecord m, String snapshotId) {
        SnapshotRecord s = snapshotId == null ? null : m.snapshots.get(snapshotId);
        if (s == null) {
            throw SimError.of("snapshot_not_found");
        }
        return s;
    }
}
