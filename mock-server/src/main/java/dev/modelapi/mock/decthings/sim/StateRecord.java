package dev.modelapi.mock.decthings.sim;

import dev.modelapi.decthings.server.model.ModelState;
import dev.modelapi.decthings.server.model.MountedModel;
import dev.modelapi.decthings.server.model.StateKey;
import dev.modelapi.decthings.server.model.StateKeyData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One model state: its keys and their bytes (the bytes round-trip through uploadState/getModelState). */
final class StateRecord {

    final String id;
    String name;
    final long createdAt;
    final List<String> trainingOperations;
    final List<MountedModel> mountedModels;
    final Map<String, byte[]> data;

    StateRecord(String id, String name, long createdAt, List<String> trainingOperations,
                List<MountedModel> mountedModels, Map<String, byte[]> data) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
        this.trainingOperations = new ArrayList<>(trainingOperations);
        this.mountedModels = new ArrayList<>(mountedModels);
        this.data = new LinkedHashMap<>(data);
    }

    ModelState toModelState() {
        return new ModelState()
                .id(id).name(name).trainingOperations(new ArrayList<>(trainingOperations)).createdAt(createdAt)
                .beingDeleted(false).state(keys(data)).mountedModels(copy(mountedModels));
    }

    static List<StateKey> keys(Map<String, byte[]> data) {
        List<StateKey> keys = new ArrayList<>();
        data.forEach((k, v) -> keys.add(new StateKey().key(k).byteSize((long) v.length)));
        return keys;
    }

    static List<MountedModel> copy(List<MountedModel> mounted) {
        List<MountedModel> out = new ArrayList<>();
        for (MountedModel m : mounted) {
            out.add(new MountedModel().modelId(m.getModelId()).snapshotId(m.getSnapshotId()));
        }
        return out;
    }

    long byteSize() {
        return data.values().stream().mapToLong(b -> b.length).sum();
    }

    /**
     * The data of the given keys (all if {@code keys} is null), in the state's order.
     *
     * @throws SimError state_key_not_found
     */
    static List<StateKeyData> select(Map<String, byte[]> data, List<String> keys) {
        List<StateKeyData> out = new ArrayList<>();
        if (keys == null) {
            data.forEach((k, v) -> out.add(new StateKeyData().key(k).data(v.clone())));
            return out;
        }
        for (String k : keys) {
            byte[] v = data.get(k);
            if (v == null) {
                throw SimError.of("state_key_not_found");
            }
            out.add(new StateKeyData().key(k).data(v.clone()));
        }
        return out;
    }
}
