package dev.modelapi.mock.decthings.sim;

import dev.modelapi.decthings.server.model.BasedOnSnapshot;
import dev.modelapi.decthings.server.model.DefaultLauncherSpecs;
import dev.modelapi.decthings.server.model.MaxDurationsSeconds;
import dev.modelapi.decthings.server.model.Model;
import dev.modelapi.decthings.server.model.ModelAccess;
import dev.modelapi.decthings.server.model.ModelImage;
import dev.modelapi.decthings.server.model.ModelLanguage;
import dev.modelapi.decthings.server.model.ModelOwner;
import dev.modelapi.decthings.server.model.ParameterDefinitions;
import dev.modelapi.decthings.server.model.Tag;
import dev.modelapi.decthings.server.model.UsedPersistentLauncher;
import dev.modelapi.mock.decthings.Caller;
import dev.modelapi.mock.http.MockJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The simulation's mutable record of one model; {@link #toModel} renders it as the API's {@code Model}. */
final class ModelRecord {

    /** The initial state of a model created from a snapshot with method create/upload, while it is made. */
    record Creation(String stateId, String stateName, long startedAt, Map<String, byte[]> data) {
    }

    final String id;
    String name;
    String description;
    boolean publicAccess;
    final long createdAt;
    List<Tag> tags;
    final ModelOwner owner;
    final boolean ownedByUser;
    ModelLanguage language;
    boolean wasm;
    ModelImage image;
    ParameterDefinitions definitions;
    DefaultLauncherSpecs launcherSpecs;
    MaxDurationsSeconds maxDurations;
    long filesystemMebibytes;
    final Map<String, StateRecord> states = new LinkedHashMap<>();
    String activeState;
    final Map<String, SnapshotRecord> snapshots = new LinkedHashMap<>();
    final List<String> trainingSessions = new ArrayList<>();
    final Map<String, EvaluationRecord> evaluations = new LinkedHashMap<>();
    List<UsedPersistentLauncher> usedPersistentLaunchers = new ArrayList<>();
    BasedOnSnapshot basedOnSnapshot;
    Creation creation;

    ModelRecord(String id, String name, long createdAt, ModelOwner owner, boolean ownedByUser) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
        this.owner = owner;
        this.ownedByUser = ownedByUser;
    }

    boolean visibleTo(Caller caller) {
        return publicAccess || (ownedByUser && caller == Caller.USER);
    }

    boolean writableBy(Caller caller) {
        return ownedByUser && caller == Caller.USER;
    }

    StateRecord activeStateRecord() {
        return states.get(activeState);
    }

    Model toModel(Caller caller, List<String> ongoingTrainingSessions) {
        Model m = new Model()
                .id(id).name(name).description(description).publicAccess(publicAccess).createdAt(createdAt)
                .tags(copyTags(tags))
                .owner(owner)
                .access(writableBy(caller) ? ModelAccess.READWRITE : ModelAccess.READ)
                .beingCreated(creation != null)
                .language(language).wasm(wasm)
                .image(MockJson.copy(image, ModelImage.class))
                .parameterDefinitions(MockJson.copy(definitions, ParameterDefinitions.class))
                .defaultLauncherSpecs(MockJson.copy(launcherSpecs, DefaultLauncherSpecs.class))
                .maxDurationsSeconds(MockJson.copy(maxDurations, MaxDurationsSeconds.class))
                .filesystemSizeMebibytes(filesystemMebibytes)
                .ongoingTrainingSessions(new ArrayList<>(ongoingTrainingSessions))
                .trainingSessions(new ArrayList<>(trainingSessions))
                .states(new ArrayList<>(states.values().stream().map(StateRecord::toModelState).toList()))
                .activeState(activeState)
                .snapshots(new ArrayList<>(snapshots.values().stream().map(SnapshotRecord::toModelSnapshot).toList()));
        if (basedOnSnapshot != null) {
            m.basedOnSnapshot(MockJson.copy(basedOnSnapshot, BasedOnSnapshot.class));
        }
        return m;
    }

    static List<Tag> copyTags(List<Tag> tags) {
        List<Tag> out = new ArrayList<>();
        if (tags != null) {
            tags.forEach(t -> out.add(new Tag().tag(t.getTag()).value(t.getValue())));
        }
        return out;
    }

    /** Bytes the model's filesystem holds: its code and dependencies, plus its states. */
    long usedBytes() {
        long states = this.states.values().stream().mapToLong(StateRecord::byteSize).sum();
        return (24L << 20) + states;
    }
}
