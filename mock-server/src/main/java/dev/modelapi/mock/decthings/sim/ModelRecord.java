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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulation's mutable record of one model; {@link #toModel} renders it as the API's {@code Model}.
 *
 * <p>The generated-model values it holds ({@code image}, {@code definitions}, {@code launcherSpecs},
 * {@code maxDurations}, {@code basedOnSnapshot}, {@code owner}) are never changed once stored: a change stores a
 * new object. So {@link #toModel} can hand them out without copying, and the answer is serialized outside the
 * simulation's lock without racing a later change.
 */
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
                .image(image)
                .parameterDefinitions(definitions)
                .defaultLauncherSpecs(launcherSpecs)
                .maxDurationsSeconds(maxDurations)
                .filesystemSizeMebibytes(filesystemMebibytes)
                .ongoingTrainingSessions(new ArrayList<>(ongoingTrainingSessions))
                .trainingSessions(new ArrayList<>(trainingSessions))
                .states(new ArrayList<>(states.values().stream().map(StateRecord::toModelState).toList()))
                .activeState(activeState)
                .snapshots(new ArrayList<>(snapshots.values().stream().map(SnapshotRecord::toModelSnapshot).toList()));
        if (basedOnSnapshot != null) {
            m.basedOnSnapshot(basedOnSnapshot);
        }
        return m;
    }

    /** A new value (see the class comment): the snapshot this model was made from was deleted. */
    static BasedOnSnapshot snapshotGone(BasedOnSnapshot based) {
        return new BasedOnSnapshot().modelId(based.getModelId()).snapshotId(based.getSnapshotId()).noLongerExists(true);
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
