package dev.modelapi.mock.decthings.sim;

import dev.modelapi.decthings.server.model.DefaultLauncherSpecs;
import dev.modelapi.decthings.server.model.MaxDurationsSeconds;
import dev.modelapi.decthings.server.model.ModelSnapshot;
import dev.modelapi.decthings.server.model.MountedModel;
import dev.modelapi.decthings.server.model.ParameterDefinitions;
import dev.modelapi.decthings.server.model.SnapshotImage;
import dev.modelapi.decthings.server.model.SnapshotState;
import dev.modelapi.mock.http.MockJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable copy of a model's configuration, image and active state (its name can change); its values are shared
 * by every answer that shows it, never changed.
 */
final class SnapshotRecord {

    final String id;
    String name;
    final long createdAt;
    final long filesystemMebibytes;
    final ParameterDefinitions definitions;
    final DefaultLauncherSpecs launcherSpecs;
    final MaxDurationsSeconds maxDurations;
    final SnapshotImage image;
    final String stateName;
    final List<MountedModel> mountedModels;
    final Map<String, byte[]> stateData;

    SnapshotRecord(String id, String name, long createdAt, ModelRecord model, StateRecord state) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
        this.filesystemMebibytes = model.filesystemMebibytes;
        this.definitions = MockJson.copy(model.definitions, ParameterDefinitions.class);
        this.launcherSpecs = MockJson.copy(model.launcherSpecs, DefaultLauncherSpecs.class);
        this.maxDurations = MockJson.copy(model.maxDurations, MaxDurationsSeconds.class);
        this.image = new SnapshotImage().domain(model.image.getDomain()).repository(model.image.getRepository())
                .reference(model.image.getReference()).digest(model.image.getDigest());
        this.stateName = state.name;
        this.mountedModels = StateRecord.copy(state.mountedModels);
        this.stateData = new LinkedHashMap<>(state.data);
    }

    ModelSnapshot toModelSnapshot() {
        return new ModelSnapshot().id(id).name(name).createdAt(createdAt)
                .filesystemSizeMebibytes(filesystemMebibytes)
                .parameterDefinitions(definitions)
                .defaultLauncherSpecs(launcherSpecs)
                .maxDurationsSeconds(maxDurations)
                .image(image)
                .state(new SnapshotState().name(stateName).state(StateRecord.keys(stateData))
                        .mountedModels(StateRecord.copy(mountedModels)));
    }
}
